using SharpGLTF.Schema2;

namespace Previz.Import.Writing;

/// <summary>
/// The accessors that let a viewer deform one packed mesh: <c>JOINTS_0</c>/<c>WEIGHTS_0</c> (null without a skin) and
/// one POSITION offset accessor per morph target.
/// </summary>
internal sealed record DeformAccessors(Accessor? Joints, Accessor? Weights, IReadOnlyList<Accessor> MorphPositions);
