using System.Globalization;

namespace Previz.Core.Motion;

/// <summary>
/// One component of a camera move. <see cref="Amount"/> is signed: metres for dolly/truck/pedestal (forward, right, up
/// positive), degrees for pan/tilt/roll/orbit (right, up, clockwise, right positive), and for zoom the end focal length
/// minus the start focal length in millimetres.
/// </summary>
public sealed record CameraMoveAmount(CameraMove Move, double Amount)
{
    public double Magnitude => Math.Abs(Amount);

    public string Direction => Move switch
    {
        CameraMove.Dolly => Amount >= 0 ? "forward" : "back",
        CameraMove.Truck or CameraMove.Pan or CameraMove.Orbit => Amount >= 0 ? "right" : "left",
        CameraMove.Pedestal or CameraMove.Tilt => Amount >= 0 ? "up" : "down",
        CameraMove.Roll => Amount >= 0 ? "clockwise" : "counter-clockwise",
        CameraMove.Zoom => Amount >= 0 ? "in" : "out",
        _ => "",
    };

    /// <summary>"6 m", "20°", "from 35 mm to 50 mm" (zoom needs the start focal length).</summary>
    public string AmountText(float startFocalMm = 0) => Move switch
    {
        CameraMove.Dolly or CameraMove.Truck or CameraMove.Pedestal => Metres(Magnitude),
        CameraMove.Zoom => string.Create(CultureInfo.InvariantCulture, $"from {startFocalMm:0} mm to {startFocalMm + Amount:0} mm"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Magnitude:0}°"),
    };

    internal static string Metres(double m) =>
        m >= 10 ? string.Create(CultureInfo.InvariantCulture, $"{m:0} m") : string.Create(CultureInfo.InvariantCulture, $"{m:0.#} m");
}
