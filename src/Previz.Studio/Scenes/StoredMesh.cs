using System.Numerics;

namespace Previz.Studio.Scenes;

/// <summary>
/// An uploaded mesh: <see cref="Path"/> is what a stored scene's object names in its <c>mesh</c> field; the
/// triangles and size are those of the mesh the object will be drawn with (every mesh node flattened at rest).
/// </summary>
public sealed record StoredMesh(string Path, string Name, int Triangles, Vector3 Size);
