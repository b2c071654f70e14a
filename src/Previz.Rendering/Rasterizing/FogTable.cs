using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Previz.Core.Scenes;

namespace Previz.Rendering.Rasterizing;

/// <summary>
/// Exponential fog: a surface at distance d keeps exp(−density·d) of its colour and takes the rest from the fog. The
/// share kept, in 256ths, is 2^−x with x = density·d·log2(e), computed eight pixels at a time from a short polynomial
/// and the float exponent (no table look-ups, so no gathers).
/// </summary>
internal sealed class FogTable
{
    /// <summary>Beyond this many halvings nothing of the surface's colour is left in 256ths.</summary>
    private const float MaxHalvings = 24f;
    private const uint RedBlue = 0x00FF00FFu;
    private const uint Green = 0x0000FF00u;
    private readonly float _density;
    private readonly float _halvingsPerInverseDepth;
    private readonly uint _fog;

    public FogTable(SceneEnvironment environment)
    {
        _density = environment.FogDensity;
        _fog = PackedColor.FromRgb(new(environment.FogColor.R, environment.FogColor.G, environment.FogColor.B));
        _halvingsPerInverseDepth = _density * 1.44269504f; // log2(e)
    }

    public bool Enabled => _density > 0 && float.IsFinite(_density);

    /// <summary>Fogs every covered pixel (depth is 1/w; w is the distance along the view axis).</summary>
    public void Apply(ReadOnlySpan<float> depth, Span<uint> colour)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var d = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(depth);
            ref var c = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(colour);
            for (; i + 8 <= depth.Length; i += 8)
            {
                var iz = Vector256.LoadUnsafe(ref d, (nuint)i);
                var covered = Vector256.GreaterThan(iz, Vector256<float>.Zero).AsUInt32();
                if (covered != Vector256<uint>.Zero)
                {
                    var before = Vector256.LoadUnsafe(ref c, (nuint)i);
                    Vector256.ConditionalSelect(covered, Blend(iz, before), before).StoreUnsafe(ref c, (nuint)i);
                }
            }
        }

        for (; i < depth.Length; i++)
        {
            if (depth[i] > 0)
            {
                colour[i] = Blend(depth[i], colour[i]);
            }
        }
    }

    /// <summary>Eight colours at inverse depths <paramref name="iz"/> moved towards the fog (lanes with iz 0 become fog).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<uint> Blend(Vector256<float> iz, Vector256<uint> colour)
    {
        var x = Vector256.Min(Vector256.Create(_halvingsPerInverseDepth) / iz, Vector256.Create(MaxHalvings));
        var whole = Vector256.Floor(x);
        var keep = Vector256.ConvertToUInt32(Exp2Fraction(x - whole) * TwoToThe(whole) * 256f);
        var lose = Vector256.Create(256u) - keep;
        var fog = Vector256.Create(_fog);
        var rb = (((colour & Vector256.Create(RedBlue)) * keep) + ((fog & Vector256.Create(RedBlue)) * lose)) >> 8;
        var g = (((colour & Vector256.Create(Green)) * keep) + ((fog & Vector256.Create(Green)) * lose)) >> 8;
        return Vector256.Create(PackedColor.OpaqueBlack) | (rb & Vector256.Create(RedBlue)) | (g & Vector256.Create(Green));
    }

    /// <summary>One colour at inverse depth <paramref name="iz"/> &gt; 0 moved towards the fog, as <see cref="Blend(Vector256{float}, Vector256{uint})"/> does.</summary>
    public uint Blend(float iz, uint colour)
    {
        var x = MathF.Min(_halvingsPerInverseDepth / iz, MaxHalvings);
        var whole = MathF.Floor(x);
        var keep = (int)(Exp2Fraction(x - whole) * MathF.ScaleB(1f, -(int)whole) * 256f);
        return PackedColor.Blend(_fog, colour, keep);
    }

    /// <summary>2^−f for f in [0, 1): e^u with u = −f·ln 2, to the fifth power of u (error below 2e−4).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Exp2Fraction(Vector256<float> f)
    {
        var u = f * -0.693147181f;
        var p = Vector256.Create(1f / 120f);
        p = Vector256.FusedMultiplyAdd(p, u, Vector256.Create(1f / 24f));
        p = Vector256.FusedMultiplyAdd(p, u, Vector256.Create(1f / 6f));
        p = Vector256.FusedMultiplyAdd(p, u, Vector256.Create(0.5f));
        p = Vector256.FusedMultiplyAdd(p, u, Vector256<float>.One);
        return Vector256.FusedMultiplyAdd(p, u, Vector256<float>.One);
    }

    private static float Exp2Fraction(float f)
    {
        var u = f * -0.693147181f;
        var p = MathF.FusedMultiplyAdd(1f / 120f, u, 1f / 24f);
        p = MathF.FusedMultiplyAdd(p, u, 1f / 6f);
        p = MathF.FusedMultiplyAdd(p, u, 0.5f);
        p = MathF.FusedMultiplyAdd(p, u, 1f);
        return MathF.FusedMultiplyAdd(p, u, 1f);
    }

    /// <summary>2^−n for whole n in [0, 24], straight from the float exponent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> TwoToThe(Vector256<float> n) =>
        ((Vector256.Create(127) - Vector256.ConvertToInt32(n)) << 23).AsSingle();
}
