using System.Numerics;
using Previz.Core.Cameras;
using Previz.Core.Scenes;

namespace Previz.Rendering.Rasterizing;

/// <summary>
/// The background of the shaded pass: horizon colour to sky colour by the elevation of the view direction, and the
/// ground colour below the horizon (with a soft horizon line). Colours are looked up by sin(elevation); each row is
/// sampled exactly every <see cref="Step"/> pixels and interpolated between, as the gradient is smooth.
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

    /// <summary>Paints the sky into the pixels of rows [rowStart, rowEnd) that no surface covered (depth 0).</summary>
    public void FillEmpty(ReadOnlySpan<float> depth, Span<uint> colour, int rowStart, int rowEnd)
    {
        var table = _table.AsSpan();
        for (var py = rowStart; py < rowEnd; py++)
        {
            var rowDepth = depth.Slice(py * _width, _width);
            var row = colour.Slice(py * _width, _width);
            var rowDir = _forward + (_up * (1f - (2f * (py + 0.5f) / _height)));
            var x = rowDepth.IndexOf(0f);
            while (x >= 0)
            {
                // Work in aligned segments of Step pixels from the first empty pixel on.
                x -= x % Step;
                var next = Math.Min(x + Step, _width);
                var segmentDepth = rowDepth[x..next];
                var segment = row[x..next];
                var s0 = Elevation(rowDir, x);
                var s1 = Elevation(rowDir, next);
                int i0 = Index(s0), i1 = Index(s1);
                if (i0 == i1)
                {
                    // The usual case: one colour across the segment.
                    var c = table[i0];
                    for (var k = 0; k < segment.Length; k++)
                    {
                        if (segmentDepth[k] == 0f)
                        {
                            segment[k] = c;
                        }
                    }
                }
                else
                {
                    var ds = (s1 - s0) / (next - x);
                    var s = s0;
                    for (var k = 0; k < segment.Length; k++, s += ds)
                    {
                        if (segmentDepth[k] == 0f)
                        {
                            segment[k] = table[Index(s)];
                        }
                    }
                }

                var rest = next < _width ? rowDepth[next..].IndexOf(0f) : -1;
                x = rest < 0 ? -1 : next + rest;
            }
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
