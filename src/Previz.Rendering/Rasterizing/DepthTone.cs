using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Previz.Rendering.Rasterizing;

/// <summary>
/// Maps inverse depth (1/w) to grey for the depth pass: the near end of the range is white (255), the far end dark
/// grey (24), on a log scale of distance in between so that near and far structure both show; beyond either end the
/// grey holds; empty background is black. The renderer sets one range per shot (see FrameRenderer.DepthRange), so a
/// surface keeps its grey while other things move.
/// </summary>
internal sealed class DepthTone
{
    public const int NearGrey = 255;
    public const int FarGrey = 24;
    private const int TableSize = 2048;
    private readonly uint[] _table = new uint[TableSize];
    private float _izFar;
    private float _scale;
    private (float Near, float Far) _range = (float.NaN, float.NaN);

    /// <summary>Sets the range from the largest (nearest) and smallest non-zero (farthest) inverse depth.</summary>
    public void Range(float izNear, float izFar)
    {
        if (_range == (izNear, izFar))
        {
            return;
        }

        _range = (izNear, izFar);
        if (!(izNear > 0) || !(izFar > 0) || izFar >= izNear * 0.999f)
        {
            // One flat surface square-on (or nothing at all): spread a nominal range around it.
            izNear = MathF.Max(izNear, 1e-6f) * 1.5f;
            izFar = izNear / 3f;
        }

        _izFar = izFar;
        _scale = (TableSize - 1) / (izNear - izFar);
        var logRange = MathF.Log(izNear / izFar);
        for (var i = 0; i < TableSize; i++)
        {
            var iz = izFar + (i / (float)(TableSize - 1) * (izNear - izFar));
            // 0 at the farthest surface, 1 at the nearest: log(d / dFar) / log(dNear / dFar).
            var g = MathF.Log(iz / izFar) / logRange;
            _table[i] = PackedColor.Grey((int)(FarGrey + (g * (NearGrey - FarGrey)) + 0.5f));
        }
    }

    public unsafe void Resolve(ReadOnlySpan<float> depth, Span<uint> colour)
    {
        var table = _table.AsSpan();
        var i = 0;
        if (Avx2.IsSupported)
        {
            var offset = Vector256.Create(_izFar);
            var scale = Vector256.Create(_scale);
            var top = Vector256.Create((float)(TableSize - 1));
            var black = Vector256.Create(PackedColor.OpaqueBlack);
            fixed (uint* lookup = _table)
            {
                for (; i + 8 <= depth.Length; i += 8)
                {
                    var iz = Vector256.Create(depth.Slice(i, 8));
                    var index = Vector256.ConvertToInt32(Vector256.Min(Vector256.Max((iz - offset) * scale, Vector256<float>.Zero), top));
                    var grey = Avx2.GatherVector256(lookup, index, 4);
                    Vector256.ConditionalSelect(Vector256.GreaterThan(iz, Vector256<float>.Zero).AsUInt32(), grey, black).CopyTo(colour.Slice(i, 8));
                }
            }
        }

        for (; i < depth.Length; i++)
        {
            var iz = depth[i];
            colour[i] = iz > 0 ? table[Math.Clamp((int)((iz - _izFar) * _scale), 0, TableSize - 1)] : PackedColor.OpaqueBlack;
        }
    }
}
