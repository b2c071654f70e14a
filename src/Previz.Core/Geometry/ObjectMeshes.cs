using Previz.Core.Scenes;

namespace Previz.Core.Geometry;

/// <summary>The triangles an object is drawn with, the one answer every renderer and exporter of a scene shares.</summary>
public static class ObjectMeshes
{
    /// <summary>
    /// The object's imported mesh, or its primitive stretched to its size; null when it draws nothing (a mesh object
    /// whose mesh is missing or has no triangle, such as a group imported from glTF).
    /// </summary>
    public static Mesh? Of(SceneObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj.Shape != ShapeKind.Mesh)
        {
            return PrimitiveMeshes.Create(obj.Shape, obj.Size);
        }

        return obj.Mesh is { Positions.Length: > 0, Indices.Length: > 2 } mesh ? mesh : null;
    }
}
