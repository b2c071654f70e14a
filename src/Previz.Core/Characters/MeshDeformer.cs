using System.Numerics;

namespace Previz.Core.Characters;

/// <summary>
/// A deformation's per-vertex inputs gathered for one list of vertices (all of the mesh's, or a renderer's welded
/// ones, each naming the mesh vertex it stands for), and the per-frame work: pose the rig, add the morphs, skin.
/// Large meshes are deformed in parallel chunks. One instance per consumer; not thread-safe.
/// </summary>
public sealed class MeshDeformer
{
    /// <summary>Vertices per parallel chunk; below two chunks the work stays on the calling thread.</summary>
    private const int Chunk = 16384;

    private readonly Vector3[] _bind;
    private readonly int[] _joints;
    private readonly float[] _weights;
    private readonly int _influences;
    private readonly Vector3[][] _deltas;
    private readonly RigPoser _poser;
    private readonly bool _parallel;

    /// <param name="deformation">What moves the mesh.</param>
    /// <param name="sources">For each vertex to deform, the mesh vertex it stands for; null for all of them in order.</param>
    /// <param name="parallel">Whether large meshes may use more than one core.</param>
    public MeshDeformer(MeshDeformation deformation, int[]? sources = null, bool parallel = true)
    {
        ArgumentNullException.ThrowIfNull(deformation);
        Deformation = deformation;
        _parallel = parallel;
        var bind = deformation.BindPositions;
        var count = sources?.Length ?? bind.Length;
        int Source(int v) => sources is null ? v : sources[v];
        _bind = new Vector3[count];
        for (var v = 0; v < count; v++)
        {
            _bind[v] = bind[Source(v)];
        }

        if (deformation.Skin is { } skin)
        {
            _influences = skin.Influences;
            _joints = new int[count * _influences];
            _weights = new float[count * _influences];
            for (var v = 0; v < count; v++)
            {
                Array.Copy(skin.Joints, Source(v) * _influences, _joints, v * _influences, _influences);
                Array.Copy(skin.Weights, Source(v) * _influences, _weights, v * _influences, _influences);
            }
        }
        else
        {
            _joints = [];
            _weights = [];
        }

        var deltas = new List<Vector3[]>();
        foreach (var set in deformation.Morphs)
        {
            foreach (var target in set.Deltas)
            {
                var gathered = new Vector3[count];
                for (var v = 0; v < count; v++)
                {
                    var local = Source(v) - set.VertexStart;
                    if ((uint)local < (uint)target.Length)
                    {
                        gathered[v] = target[local];
                    }
                }

                deltas.Add(gathered);
            }
        }

        _deltas = [.. deltas];
        _poser = new RigPoser(deformation);
    }

    public MeshDeformation Deformation { get; }

    public int VertexCount => _bind.Length;

    /// <summary>The deformed positions at scene time <paramref name="sceneTime"/> under <paramref name="action"/>, into <paramref name="output"/>.</summary>
    public void Deform(double sceneTime, ClipAction? action, Vector3[] output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _poser.Pose(sceneTime, action);
        var chunks = (_bind.Length + Chunk - 1) / Chunk;
        if (!_parallel || chunks < 2)
        {
            Run(0, _bind.Length, output);
            return;
        }

        Parallel.For(0, chunks, c => Run(c * Chunk, Math.Min(_bind.Length, (c + 1) * Chunk), output));
    }

    private void Run(int start, int end, Vector3[] output)
    {
        ReadOnlySpan<Vector3> input = _bind;
        if (_deltas.Length > 0)
        {
            Skinning.Morph(_bind, _deltas, _poser.MorphWeights, output, start, end);
            input = output;
        }

        if (_influences > 0)
        {
            Skinning.Skin(input, _joints, _weights, _influences, _poser.JointMatrices, output, start, end);
        }
        else if (_deltas.Length == 0)
        {
            _bind.AsSpan(start, end - start).CopyTo(output.AsSpan(start, end - start));
        }
    }
}
