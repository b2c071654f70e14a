using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Previz.Core.Scenes;

namespace Previz.Rendering.Rasterizing;

/// <summary>Exponential fog: a surface at distance d keeps exp(−density·d) of its colour and takes the rest from the fog.</summary>
internal sealed class FogTable
{
    private const float MaxOpticalDepth = 8f;
    private const int TableSize = 1024;
    private readonly int[] _keep = new int[TableSize + 1]; // the last entry (0) catches everything beyond the table
    private readonly float _density;
    private readonly uint _fog;

    public FogTable(SceneEnvironment environment)
    {
        _density = environment.FogDensity;
        _fog = PackedColor.FromRgb(new(environment.FogColor.R, environment.FogColor.G, environment.FogColor.B));
        for (var i = 0; i < TableSize; i++)
        {
            _keep[i] = (int)(MathF.Exp(-i * MaxOpticalDepth / TableSize) * 256f);
        }
    }

    public bool Enabled => _density > 0 && float.IsFinite(_density);

    /// <summary>Fogs every covered pixel (depth is 1/w; w is the distance along the view axis).</summary>
    public unsafe void Apply(ReadOnlySpan<float> depth, Span<uint> colour)
    {
        var keep = _keep.AsSpan();
        const float toIndex = TableSize / MaxOpticalDepth;
        var i = 0;
        if (Avx2.IsSupported)
        {
            // Eight pixels at a time: fog factor by table, then each channel moved towards the fog colour.
            var scaledDensity = Vector256.Create(_density * toIndex);
            var last = Vector256.Create((float)TableSize);
            var fog = Vector256.Create(_fog).AsInt32();
            var fogR = fog & Vector256.Create(0xFF);
            var fogG = Vector256.ShiftRightLogical(fog, 8) & Vector256.Create(0xFF);
            var fogB = Vector256.ShiftRightLogical(fog, 16) & Vector256.Create(0xFF);
            var opaque = Vector256.Create(unchecked((int)PackedColor.OpaqueBlack));
            var channel = Vector256.Create(0xFF);
            fixed (int* table = _keep)
            {
                for (; i + 8 <= depth.Length; i += 8)
                {
                    var iz = Vector256.Create(depth.Slice(i, 8));
                    var covered = Vector256.GreaterThan(iz, Vector256<float>.Zero).AsInt32();
                    if (covered == Vector256<int>.Zero)
                    {
                        continue;
                    }

                    // Empty pixels divide by zero to +∞ and clamp to the table's end; they are not written anyway.
                    var index = Vector256.ConvertToInt32(Vector256.Min(scaledDensity / iz, last));
                    var k = Avx2.GatherVector256(table, index, 4);
                    var c = Vector256.Create(colour.Slice(i, 8)).AsInt32();
                    var r = fogR + Vector256.ShiftRightArithmetic(((c & channel) - fogR) * k, 8);
                    var g = fogG + Vector256.ShiftRightArithmetic(((Vector256.ShiftRightLogical(c, 8) & channel) - fogG) * k, 8);
                    var b = fogB + Vector256.ShiftRightArithmetic(((Vector256.ShiftRightLogical(c, 16) & channel) - fogB) * k, 8);
                    var fogged = opaque | r | Vector256.ShiftLeft(g, 8) | Vector256.ShiftLeft(b, 16);
                    Vector256.ConditionalSelect(covered, fogged, c).AsUInt32().CopyTo(colour.Slice(i, 8));
                }
            }
        }

        for (; i < depth.Length; i++)
        {
            var iz = depth[i];
            if (iz > 0)
            {
                var index = (int)MathF.Min(_density / iz * toIndex, TableSize);
                var k = index < TableSize ? keep[index] : 0;
                colour[i] = PackedColor.Blend(_fog, colour[i], k);
            }
        }
    }
}
