namespace Previz.Rendering.Adherence;

/// <summary>
/// The global motion of a picture from one analysed frame to the next, as a similarity transform about the frame's
/// centre: how far the content moved (<see cref="Dx"/> right, <see cref="Dy"/> down, as fractions of the frame's width),
/// grew (<see cref="Zoom"/>, natural log of the scale) and turned (<see cref="Roll"/>, radians, clockwise on screen).
/// The camera moves the other way: content moving right is the camera panning or trucking left. A moving object's motion
/// is taken about the object's centre, its zoom and roll given at <see cref="TypicalReach"/>.
/// </summary>
internal readonly record struct ImageMotion(double Dx, double Dy, double Zoom, double Roll)
{
    /// <summary>
    /// How far from the centre, in frame widths, a typical followed point of the whole picture lies: a zoom or a roll moves
    /// it by this much of its amount. An object's motion gives its zoom and roll at this reach, scaled from its own.
    /// </summary>
    public const double TypicalReach = 0.25;

    /// <summary>The weight of the squares of a zoom and a roll (<see cref="TypicalReach"/> squared).</summary>
    private const double TurnWeight = TypicalReach * TypicalReach;

    public static ImageMotion None => default;

    /// <summary>
    /// How far the move carries a typical point of the picture, in frame widths, so that all four parts weigh what they
    /// show.
    /// </summary>
    public double Size => Math.Sqrt((Dx * Dx) + (Dy * Dy) + (TurnWeight * ((Zoom * Zoom) + (Roll * Roll))));

    public static ImageMotion operator +(ImageMotion a, ImageMotion b) => new(a.Dx + b.Dx, a.Dy + b.Dy, a.Zoom + b.Zoom, a.Roll + b.Roll);

    public static ImageMotion operator -(ImageMotion a, ImageMotion b) => new(a.Dx - b.Dx, a.Dy - b.Dy, a.Zoom - b.Zoom, a.Roll - b.Roll);

    public static ImageMotion operator *(ImageMotion a, double k) => new(a.Dx * k, a.Dy * k, a.Zoom * k, a.Roll * k);

    /// <summary>The weighted dot product behind <see cref="Size"/>: positive when two moves go the same way.</summary>
    public double Dot(ImageMotion other) => (Dx * other.Dx) + (Dy * other.Dy) + (TurnWeight * ((Zoom * other.Zoom) + (Roll * other.Roll)));
}
