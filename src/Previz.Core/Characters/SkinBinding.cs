using System.Numerics;

namespace Previz.Core.Characters;

/// <summary>
/// A glTF skin bound to a mesh's vertices: the joints (indices into <see cref="Rig.Nodes"/>) with their inverse bind
/// matrices, and per vertex <see cref="Influences"/> joint slots (indices into <see cref="JointNodes"/>) with weights
/// that sum to one.
/// </summary>
public sealed record SkinBinding(int[] JointNodes, Matrix4x4[] InverseBind, int Influences, int[] Joints, float[] Weights);
