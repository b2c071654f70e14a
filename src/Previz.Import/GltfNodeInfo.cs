namespace Previz.Import;

/// <summary>One glTF node and what Previz made of it.</summary>
/// <param name="Index">The node's index in the file.</param>
/// <param name="Name">The node's name in the file, or null.</param>
/// <param name="Kind">What Previz made of it.</param>
/// <param name="Id">The scene object or camera id it became, or null when it was left out.</param>
/// <param name="ParentIndex">The parent node's index, or null for a root.</param>
/// <param name="TriangleCount">Triangles of its mesh (0 for nodes without one).</param>
/// <param name="Animated">Whether an animation moves it.</param>
public sealed record GltfNodeInfo(int Index, string? Name, GltfNodeKind Kind, string? Id, int? ParentIndex, int TriangleCount, bool Animated);
