namespace Previz.Rendering.Rasterizing;

/// <summary>
/// An edge between welded vertices <see cref="A"/> and <see cref="B"/>, with the triangles on either side
/// (<see cref="Right"/> is −1 on a boundary). <see cref="Feature"/> marks boundaries, creases sharper than the
/// feature angle and non-manifold edges: always drawn when facing the camera; the others only on silhouettes.
/// </summary>
internal readonly record struct MeshEdge(int A, int B, int Left, int Right, bool Feature);
