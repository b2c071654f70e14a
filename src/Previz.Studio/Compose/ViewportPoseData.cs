namespace Previz.Studio.Compose;

/// <summary>What the 3D view receives per edit: the layout (JSON) and the poses as little-endian float32 bytes.</summary>
public sealed record ViewportPoseData(ViewportPoseLayout Layout, byte[] Floats);
