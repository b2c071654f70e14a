using Previz.Studio.Scenes;

namespace Previz.Studio.Api;

/// <summary>An uploaded mesh: <see cref="Path"/> goes in a scene object's <c>mesh</c> field; size is its bounds (w, h, d) in metres.</summary>
public sealed record MeshDto(string Path, string Name, int Triangles, float[] Size)
{
    public static MeshDto From(StoredMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        return new(mesh.Path, mesh.Name, mesh.Triangles, [mesh.Size.X, mesh.Size.Y, mesh.Size.Z]);
    }
}
