using Material = SharpGLTF.Schema2.Material;
using PrevizMesh = Previz.Core.Geometry.Mesh;

namespace Previz.Import.Reading;

/// <summary>A glTF mesh as read: the merged Previz mesh, the material that colours it, the per-vertex attributes of skins and morphs, and how many point or line primitives were left out.</summary>
internal sealed record MeshData(PrevizMesh Mesh, Material? Material, VertexAttributes Attributes, int LeftOutPrimitives);
