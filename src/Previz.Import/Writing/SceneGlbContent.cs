namespace Previz.Import.Writing;

/// <summary>What <see cref="SceneGlb.Write"/> puts in the file.</summary>
public enum SceneGlbContent
{
    /// <summary>
    /// For a live 3D view: one node per object, flat under the scene root with an identity transform, its mesh in object
    /// space with normals, its colour as a material and its id in the node's <c>extras.previzId</c>. No cameras, no
    /// animation: the viewer places each node itself. A deforming mesh is written at its bind pose with
    /// <c>JOINTS_0</c>/<c>WEIGHTS_0</c> (joint slots in the skin's joint order, no glTF skin) and morph targets, so the viewer
    /// poses it with the joint matrices and weights it is sent.
    /// </summary>
    Geometry,

    /// <summary>
    /// For other tools and for reading back: the hierarchy, rest transforms, meshes, materials, cameras and animations,
    /// with an <c>extras.previz</c> block that holds the whole scene document.
    /// </summary>
    Full,
}
