using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Previz.Core.Cameras;
using Previz.Core.Scenes;

namespace Previz.Rendering.Rasterizing;

/// <summary>
/// The background of the shaded pass: horizon colour to sky colour by the elevation of the view direction, and the
/// ground colour below the horizon (with a soft horizon line). Colours are looked up by sin(elevation); each row is
/// sampled exactly every <see cref="Step"/> pixels and interpolated between, as the gradient is smooth. The sky is
/// painted after the surfaces, into the pixels they left empty, in the same pass that fogs the covered ones.
/// </summary>
internal sealed class SkyGradient
{
    private const int TableSize = 1024;
    private const int Step = 16;
    private readonly uint[] _table = new uint[TableSize];

    private Vector3 _forward;
    private Vector3 _right;
    private Vector3 _up;
    private int _width;
    private int _height;

    public SkyGradient(SceneEnvironment environment)
    {
        var sky = ToVector(environment.SkyColor);
        var horizon = ToVector(environment.HorizonColor);
        var ground = ToVector(environment.GroundColor);
        for (var i = 0; i < TableSize; i++)
        {
            var s = ((i + 0.5f) / TableSize * 2f) - 1f;
            Vector3 c;
            if (s >= 0)
            {
                c = Vector3.Lerp(horizon, sky, MathF.Sqrt(s));
            }
            else
            {
                // A soft horizon line, then ground slowly darkening towards straight down.
                var blend = MathF.Min(1f, -s / 0.03f);
                c = Vector3.Lerp(horizon, ground, blend * blend * (3 - (2 * blend))) * (1f + (0.25f * s));
            }

            _table[i] = PackedColor.FromRgb(c);
        }
    }

    /// <summary>Prepares the per-pixel view directions for a camera and frame.</summary>
    public void Frame(CameraPose camera, int width, int height)
    {
        var tanV = MathF.Tan(camera.VerticalFovRadians / 2);
        _forward = camera.Forward;
        _right = camera.Right * (tanV * camera.Aspect);
        _up = camera.Up * tanV;
        _width = width;
        _height = height;
    }

    /// <summary>
    /// Paints the sky into the pixels of rows [rowStart, rowEnd) that no surface covered (depth 0) and, with
    /// <paramref name="fog"/>, fogs the covered ones: one pass over the rows, sixteen pixels (one sky segment) at a time.
    /// </summary>
    public void Resolve(ReadOnlySpan<float> depth, Span<uint> colour, int rowStart, int rowEnd, FogTable? fog)
    {
        Span<uint> segmentSky = stackalloc uint[Step];
        for (var py = rowStart; py < rowEnd; py++)
        {
            var rowDepth = depth.Slice(py * _width, _width);
            var row = colour.Slice(py * _width, _width);
            var rowDir = _forward + (_up * (1f - (2f * (py + 0.5f) / _height)));
            var x = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                ref var d = ref MemoryMarshal.GetReference(rowDepth);
                ref var c = ref MemoryMarshal.GetReference(row);
                for (; x + Step <= _width; x += Step)
                {
                    var d0 = Vector256.LoadUnsafe(ref d, (nuint)x);
                    var d1 = Vector256.LoadUnsafe(ref d, (nuint)(x + 8));
                    var empty0 = Vector256.Equals(d0, Vector256<float>.Zero).AsUInt32();
                    var empty1 = Vector256.Equals(d1, Vector256<float>.Zero).AsUInt32();
                    var anyEmpty = (empty0 | empty1) != Vector256<uint>.Zero;
                    if (fog is null && !anyEmpty)
                    {
                        continue;
                    }

                    var c0 = Vector256.LoadUnsafe(ref c, (nuint)x);
                    var c1 = Vector256.LoadUnsafe(ref c, (nuint)(x + 8));
                    if (fog is not null)
                    {
                        // Empty lanes come out as fog colour and are replaced with sky below.
                        c0 = fog.Blend(d0, c0);
                        c1 = fog.Blend(d1, c1);
                    }

                    if (anyEmpty)
                    {
                        SegmentSky(rowDir, x, segmentSky);
                        c0 = Vector256.ConditionalSelect(empty0, Vector256.Create<uint>(segmentSky), c0);
                        c1 = Vector256.ConditionalSelect(empty1, Vector256.Create<uint>(segmentSky[8..]), c1);
                    }

                    c0.StoreUnsafe(ref c, (nuint)x);
                    c1.StoreUnsafe(ref c, (nuint)(x + 8));
                }
            }

            for (; x < _width; x += Step)
            {
                var next = Math.Min(x + Step, _width);
                SegmentSky(rowDir, x, segmentSky);
                for (var k = x; k < next; k++)
                {
                    var iz = rowDepth[k];
                    row[k] = iz == 0f ? segmentSky[k - x] : fog is null ? row[k] : fog.Blend(iz, row[k]);
                }
            }
        }
    }

    /// <summary>The sky colours of the segment of <see cref="Step"/> pixels from <paramref name="x"/> (a multiple of Step).</summary>
    private void SegmentSky(Vector3 rowDir, int x, Span<uint> sky)
    {
        // The gradient is smooth: sample the elevation at the segment's ends and interpolate in between.
        var next = Math.Min(x + Step, _width);
        var s0 = Elevation(rowDir, x);
        var s1 = Elevation(rowDir, next);
        int i0 = Index(s0), i1 = Index(s1);
        if (i0 == i1)
        {
            sky.Fill(_table[i0]);
            return;
        }

        var ds = (s1 - s0) / (next - x);
        var s = s0;
        for (var k = 0; k < sky.Length; k++, s += ds)
        {
            sky[k] = _table[Index(s)];
        }
    }

    private static int Index(float s) => Math.Clamp((int)((s + 1f) * (TableSize / 2f)), 0, TableSize - 1);

    private float Elevation(Vector3 rowDir, int px)
    {
        var d = rowDir + (_right * ((2f * (px + 0.5f) / _width) - 1f));
        return d.Y / d.Length();
    }

    private static Vector3 ToVector(ColorRgb c) => new(c.R, c.G, c.B);
}
