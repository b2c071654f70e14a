namespace Previz.Rendering.Rasterizing;

/// <summary>
/// A line segment in pixel space with inverse depth (1/w) at both ends, a colour, a strength (0..1) and an optional
/// fade distance in metres beyond which it dims (0 for none).
/// </summary>
internal struct ScreenLine
{
    public float X0, Y0, Z0, X1, Y1, Z1;
    public uint Colour;
    public float Strength;
    public float FadeDistance;
}
