using System.Numerics;
using System.Text.Json.Nodes;
using Previz.Core.Geometry;
using Previz.Core.Scenes;
using Previz.Import.Reading;
using SharpGLTF.Schema2;
using PrevizMesh = Previz.Core.Geometry.Mesh;

namespace Previz.Import.Writing;

/// <summary>
/// Writes a scene as a binary glTF (GLB) with SharpGLTF's schema API. Objects carry the same triangles Direct Render
/// draws (<see cref="ObjectMeshes.Of"/>); each object's node names it in <c>extras.previzId</c>, because viewers such as
/// three.js rewrite node names but keep extras.
/// </summary>
public static class SceneGlb
{
    /// <summary>The scene as GLB bytes.</summary>
    /// <param name="scene">A validated scene whose mesh objects have their <see cref="SceneObject.Mesh"/> loaded.</param>
    /// <param name="content">Geometry for a live view, or the full scene for export.</param>
    public static byte[] Write(SceneDocument scene, SceneGlbContent content)
    {
        ArgumentNullException.ThrowIfNull(scene);
        return content switch
        {
            SceneGlbContent.Geometry => WriteGeometry(scene),
            SceneGlbContent.Full => Save(FullSceneWriter.Build(scene, MeshesOf(scene), (model, obj, mesh, accessors) => MeshOf(model, obj, accessors[mesh]))),
            _ => throw new ArgumentOutOfRangeException(nameof(content), content, null),
        };
    }

    private static byte[] WriteGeometry(SceneDocument scene)
    {
        var model = ModelRoot.CreateModel();
        var root = model.UseScene(scene.Name);
        var meshes = MeshesOf(scene);
        var distinct = meshes.Where(m => m is not null).Distinct(ReferenceEqualityComparer.Instance).Cast<PrevizMesh>().ToList();
        // Deforming meshes travel at their bind pose with skin and morphs: the view poses them with .NET's joint matrices.
        var accessors = MeshBuffers.Pack(model, distinct, bindPositions: true);
        var deforms = DeformBuffers.Pack(model, distinct);
        for (var i = 0; i < scene.Objects.Count; i++)
        {
            var obj = scene.Objects[i];
            var node = root.CreateNode(obj.Name ?? obj.Id);
            node.Extras = new JsonObject { ["previzId"] = obj.Id };
            if (meshes[i] is { } mesh)
            {
                node.Mesh = MeshOf(model, obj, accessors[mesh]);
                if (deforms.TryGetValue(mesh, out var deform))
                {
                    AddDeformation(node.Mesh.Primitives[0], deform);
                }
            }
        }

        return Save(model);
    }

    /// <summary>Each object's triangles (null when it draws nothing); equal primitives share one mesh, as in the renderer.</summary>
    private static PrevizMesh?[] MeshesOf(SceneDocument scene)
    {
        var shared = new Dictionary<(ShapeKind, Vector3), PrevizMesh>();
        var meshes = new PrevizMesh?[scene.Objects.Count];
        for (var i = 0; i < meshes.Length; i++)
        {
            var obj = scene.Objects[i];
            if (obj.Shape == ShapeKind.Mesh)
            {
                meshes[i] = ObjectMeshes.Of(obj);
                continue;
            }

            if (!shared.TryGetValue((obj.Shape, obj.Size), out var mesh))
            {
                mesh = ObjectMeshes.Of(obj)!;
                shared.Add((obj.Shape, obj.Size), mesh);
            }

            meshes[i] = mesh;
        }

        return meshes;
    }

    /// <summary>A glTF mesh of one primitive: the packed triangles with the object's own material.</summary>
    private static SharpGLTF.Schema2.Mesh MeshOf(ModelRoot model, SceneObject obj, MeshAccessors accessors)
    {
        var mesh = model.CreateMesh(obj.Id);
        var primitive = mesh.CreatePrimitive();
        primitive.SetVertexAccessor("POSITION", accessors.Positions);
        primitive.SetVertexAccessor("NORMAL", accessors.Normals);
        primitive.SetIndexAccessor(accessors.Indices);
        primitive.DrawPrimitiveType = PrimitiveType.TRIANGLES;
        primitive.Material = MaterialOf(model, obj);
        return mesh;
    }

    /// <summary>
    /// Skin attributes without a glTF skin (the node stays flat, with no joint nodes): the view binds them to joint matrices
    /// sampled in .NET. Morph targets as glTF's relative POSITION offsets.
    /// </summary>
    private static void AddDeformation(MeshPrimitive primitive, DeformAccessors deform)
    {
        if (deform.Joints is { } joints && deform.Weights is { } weights)
        {
            primitive.SetVertexAccessor("JOINTS_0", joints);
            primitive.SetVertexAccessor("WEIGHTS_0", weights);
        }

        for (var t = 0; t < deform.MorphPositions.Count; t++)
        {
            primitive.SetMorphTargetAccessors(t, new Dictionary<string, Accessor> { ["POSITION"] = deform.MorphPositions[t] });
        }
    }

    /// <summary>A matte material in the object's colour: #rrggbb is sRGB, glTF's base colour factor is linear.</summary>
    private static Material MaterialOf(ModelRoot model, SceneObject obj)
    {
        var material = model.CreateMaterial(obj.Id);
        material.InitializePBRMetallicRoughness();
        // Direct Render draws open meshes from both sides and culls the back faces of closed ones. The primitives but the
        // plane are solids; an imported mesh may be open, so it keeps both sides.
        material.DoubleSided = obj.Shape is ShapeKind.Plane or ShapeKind.Mesh;
        var c = obj.Color;
        var baseColor = material.FindChannel("BaseColor")!.Value;
        baseColor.Color = new Vector4(MaterialColors.ToLinear(c.R), MaterialColors.ToLinear(c.G), MaterialColors.ToLinear(c.B), 1);
        var metalRough = material.FindChannel("MetallicRoughness")!.Value;
        metalRough.SetFactor("MetallicFactor", 0);
        metalRough.SetFactor("RoughnessFactor", 1);
        return material;
    }

    private static byte[] Save(ModelRoot model)
    {
        // Built from validated data; SharpGLTF's own validation would walk every accessor again.
        var settings = new WriteSettings { Validation = SharpGLTF.Validation.ValidationMode.Skip, MergeBuffers = false };
        var glb = model.WriteGLB(settings);
        return glb.ToArray();
    }
}
