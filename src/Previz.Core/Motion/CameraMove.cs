namespace Previz.Core.Motion;

/// <summary>The camera moves a shot can be described in, in the order a description names them.</summary>
public enum CameraMove
{
    /// <summary>Circling the subject (replaces the truck and pan that make it up).</summary>
    Orbit,

    /// <summary>Moving along the view direction at shot start (+ forward).</summary>
    Dolly,

    /// <summary>Moving sideways (+ right).</summary>
    Truck,

    /// <summary>Moving up or down (+ up).</summary>
    Pedestal,

    /// <summary>Turning about the vertical (+ right).</summary>
    Pan,

    /// <summary>Pitching (+ up).</summary>
    Tilt,

    /// <summary>Turning about the view axis (+ clockwise as seen in the picture).</summary>
    Roll,

    /// <summary>Changing focal length (+ in, i.e. longer).</summary>
    Zoom,
}
