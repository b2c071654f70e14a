using SharpGLTF.Schema2;

namespace Previz.Import.Writing;

/// <summary>The accessors of one packed mesh.</summary>
internal readonly record struct MeshAccessors(Accessor Positions, Accessor Normals, Accessor Indices);
