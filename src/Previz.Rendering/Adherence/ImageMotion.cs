namespace Previz.Rendering.Adherence;

/// <summary>
/// The global motion of a picture from one analysed frame to the next, as a similarity transform about the frame's
/// centre: how far the content moved (<see cref="Dx"/> right, <see cref="Dy"/> down, as fractions of the frame's width),
/// grew (<see cref="Zoom"/>, natural log of the scale) and turned (<see cref="Roll"/>, radians, clockwise on screen).
/// The camera moves the other way: content moving right is the camera panning or trucking left.
/// </summary>
internal readonly record struct ImageMotion(double Dx, double Dy, double Zoom, double Roll)
{
    public static ImageMotion None => default;

    /// <summary>
    /// How far the move carries a typical point of the picture, in frame widths, so that all four parts weigh what they
    /// show.
    /// </summary>
    public double Size => Math.Sqrt((Dx * Dx) + (Dy * Dy) + (TurnWeight * ((Zoom * Zoom) + (Roll * Roll))));

    /// <summary>
    /// A zoom or a roll moves a point a quarter of the width from the centre (where a typical followed point lies) by a
    /// quarter of its amount: the weight of their squares.
    /// </summary>
    private const double TurnWeight = 1.0 / 16;

    public static ImageMotion operator +(ImageMotion a, ImageMotion b) => new(a.Dx + b.Dx, a.Dy + b.Dy, a.Zoom + b.Zoom, a.Roll + b.Roll);

    public static ImageMotion operator -(ImageMotion a, ImageMotion b) => new(a.Dx - b.Dx, a.Dy - b.Dy, a.Zoom - b.Zoom, a.Roll - b.Roll);

    public static ImageMotion operator *(ImageMotion a, double k) => new(a.Dx * k, a.Dy * k, a.Zoom * k, a.Roll * k);

    /// <summary>The weighted dot product behind <see cref="Size"/>: positive when two moves go the same way.</summary>
    public double Dot(ImageMotion other) => (Dx * other.Dx) + (Dy * other.Dy) + (TurnWeight * ((Zoom * other.Zoom) + (Roll * other.Roll)));
}
