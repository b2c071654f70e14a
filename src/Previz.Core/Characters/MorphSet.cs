using System.Numerics;

namespace Previz.Core.Characters;

/// <summary>
/// The morph targets of one glTF mesh: per target a position offset for each of its vertices, which start at
/// <see cref="VertexStart"/> in the deformed mesh; the weights come from <see cref="Node"/>'s weight channels, else
/// <see cref="DefaultWeights"/>.
/// </summary>
public sealed record MorphSet(int Node, int VertexStart, float[] DefaultWeights, Vector3[][] Deltas)
{
    public int Targets => Deltas.Length;
}
