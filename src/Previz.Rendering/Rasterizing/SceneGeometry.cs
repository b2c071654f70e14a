using Previz.Core.Characters;
using Previz.Core.Geometry;
using Previz.Core.Sampling;
using Previz.Core.Scenes;

namespace Previz.Rendering.Rasterizing;

/// <summary>
/// The prepared mesh of every object of a scene, in document order; objects without geometry get null. Imported meshes
/// come from the per-mesh cache, so every renderer of a scene (each still, each video, the studio's viewport) shares them.
/// A mesh that deforms (skin, morph targets) gets a posable copy of its own per renderer, moved by <see cref="Pose"/>;
/// objects that show the same mesh with the same action share it.
/// </summary>
internal sealed class SceneGeometry
{
    private readonly MeshGeometry?[] _meshes;
    private readonly bool[] _deformsObject;
    private readonly List<(MeshGeometry Geometry, MeshDeformer Deformer, ClipAction? Action)> _deforming = [];
    private double _posedAt = double.NaN;

    public SceneGeometry(SceneDocument scene)
    {
        // Objects with the same shape and size share one prepared mesh.
        var shared = new Dictionary<(ShapeKind, System.Numerics.Vector3), MeshGeometry>();
        var posable = new Dictionary<(Mesh, ClipAction?), MeshGeometry>();
        _meshes = new MeshGeometry?[scene.Objects.Count];
        _deformsObject = new bool[scene.Objects.Count];
        for (var i = 0; i < _meshes.Length; i++)
        {
            var obj = scene.Objects[i];
            if (obj.Shape == ShapeKind.Mesh)
            {
                if (ObjectMeshes.Of(obj) is not { } mesh)
                {
                    continue;
                }

                var geometry = MeshGeometry.For(mesh);
                if (mesh.Deformation is { } deformation && geometry.TriangleCount > 0)
                {
                    if (!posable.TryGetValue((mesh, obj.Action), out var own))
                    {
                        own = geometry.Posable();
                        posable.Add((mesh, obj.Action), own);
                        var deformer = new MeshDeformer(deformation, own.SourceVertices);
                        if (obj.Action is null && !deformation.PlaysAllClipsWithoutAction)
                        {
                            // No clip plays: the rest pose (morph default weights included) holds for every frame.
                            deformer.Deform(0, null, own.Positions);
                            own.Repose();
                        }
                        else
                        {
                            _deforming.Add((own, deformer, obj.Action));
                        }
                    }

                    geometry = own;
                    _deformsObject[i] = _deforming.Exists(d => ReferenceEquals(d.Geometry, own));
                }

                _meshes[i] = geometry;
                continue;
            }

            var key = (obj.Shape, obj.Size);
            if (!shared.TryGetValue(key, out var primitive))
            {
                primitive = MeshGeometry.Build(ObjectMeshes.Of(obj)!);
                shared.Add(key, primitive);
            }

            _meshes[i] = primitive;
        }
    }

    public MeshGeometry? this[int objectIndex] => _meshes[objectIndex];

    public int Count => _meshes.Length;

    /// <summary>Whether the object's mesh changes shape over time (a playing skin or morph).</summary>
    public bool DeformsObject(int objectIndex) => _deformsObject[objectIndex];

    /// <summary>Whether any mesh moves by itself (so bounds differ from frame to frame).</summary>
    public bool Deforms => _deforming.Count > 0;

    /// <summary>Moves every deforming mesh to the pose's time (once per time): skin and morphs, then planes and bounds.</summary>
    public void Pose(ScenePose pose)
    {
        if (_deforming.Count == 0 || pose.Time.Equals(_posedAt))
        {
            return;
        }

        foreach (var (geometry, deformer, action) in _deforming)
        {
            deformer.Deform(pose.Time, action, geometry.Positions);
            geometry.Repose();
        }

        _posedAt = pose.Time;
    }
}
