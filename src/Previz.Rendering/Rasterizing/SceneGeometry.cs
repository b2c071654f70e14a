using Previz.Core.Geometry;
using Previz.Core.Scenes;

namespace Previz.Rendering.Rasterizing;

/// <summary>
/// The prepared mesh of every object of a scene, in document order; objects without geometry get null. Imported meshes
/// come from the per-mesh cache, so every renderer of a scene (each still, each video, the studio's viewport) shares them.
/// </summary>
internal sealed class SceneGeometry
{
    private readonly MeshGeometry?[] _meshes;

    public SceneGeometry(SceneDocument scene)
    {
        // Objects with the same shape and size share one prepared mesh.
        var shared = new Dictionary<(ShapeKind, System.Numerics.Vector3), MeshGeometry>();
        _meshes = new MeshGeometry?[scene.Objects.Count];
        for (var i = 0; i < _meshes.Length; i++)
        {
            var obj = scene.Objects[i];
            if (obj.Shape == ShapeKind.Mesh)
            {
                _meshes[i] = ObjectMeshes.Of(obj) is { } mesh ? MeshGeometry.For(mesh) : null;
                continue;
            }

            var key = (obj.Shape, obj.Size);
            if (!shared.TryGetValue(key, out var geometry))
            {
                geometry = MeshGeometry.Build(ObjectMeshes.Of(obj)!);
                shared.Add(key, geometry);
            }

            _meshes[i] = geometry;
        }
    }

    public MeshGeometry? this[int objectIndex] => _meshes[objectIndex];

    public int Count => _meshes.Length;
}
