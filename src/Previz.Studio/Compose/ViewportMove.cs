using System.Numerics;

namespace Previz.Studio.Compose;

/// <summary>A gizmo drag's result: the target's new world matrix (object-to-world, or camera-to-world).</summary>
public sealed record ViewportMove(ComposeTarget Target, Matrix4x4 World);
