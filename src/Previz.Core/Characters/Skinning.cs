using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Previz.Core.Characters;

/// <summary>
/// The vertex kernels of deformation: morph offsets added to positions, and linear blend skinning (each vertex moved
/// by the weighted sum of its joints' matrices). Tight loops over spans; they never allocate.
/// </summary>
public static class Skinning
{
    /// <summary>output[v] = bind[v] + Σ weight[t] × deltas[t][v] for the targets whose weight is not zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Morph(ReadOnlySpan<Vector3> bind, ReadOnlySpan<Vector3[]> deltas, ReadOnlySpan<float> weights, Span<Vector3> output, int start, int end)
    {
        bind[start..end].CopyTo(output[start..end]);
        for (var t = 0; t < deltas.Length; t++)
        {
            var w = weights[t];
            if (w == 0)
            {
                continue;
            }

            var delta = deltas[t].AsSpan(start, end - start);
            var target = output[start..end];
            for (var v = 0; v < target.Length; v++)
            {
                target[v] += w * delta[v];
            }
        }
    }

    /// <summary>
    /// Linear blend skinning of vertices [<paramref name="start"/>, <paramref name="end"/>): output[v] = input[v] ×
    /// Σ weight × matrices[joint] over the vertex's <paramref name="influences"/> slots. Input and output may be the same.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Skin(
        ReadOnlySpan<Vector3> input, ReadOnlySpan<int> joints, ReadOnlySpan<float> weights, int influences,
        ReadOnlySpan<Matrix4x4> matrices, Span<Vector3> output, int start, int end)
    {
        ref var joint0 = ref MemoryMarshal.GetReference(joints);
        ref var weight0 = ref MemoryMarshal.GetReference(weights);
        ref var matrix0 = ref MemoryMarshal.GetReference(matrices);
        if ((long)end * influences > joints.Length || (long)end * influences > weights.Length || end > input.Length || end > output.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(end), "The vertex range exceeds the skin's data.");
        }

        for (var v = start; v < end; v++)
        {
            var o = v * influences;
            var m = Unsafe.Add(ref matrix0, Unsafe.Add(ref joint0, o)) * Unsafe.Add(ref weight0, o);
            for (var k = 1; k < influences; k++)
            {
                var w = Unsafe.Add(ref weight0, o + k);
                if (w != 0)
                {
                    m += Unsafe.Add(ref matrix0, Unsafe.Add(ref joint0, o + k)) * w;
                }
            }

            output[v] = Vector3.Transform(input[v], m);
        }
    }
}
