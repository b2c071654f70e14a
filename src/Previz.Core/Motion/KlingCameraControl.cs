namespace Previz.Core.Motion;

/// <summary>
/// Kling's <c>camera_control</c>: <c>{type: "simple", config: {horizontal, vertical, pan, tilt, roll, zoom}}</c>, each
/// −10…10, with exactly one non-zero value for type "simple" (Kling API /v1/videos/image2video, legacy; not together
/// with <c>image_tail</c>; shared/MODELS.md). Kling's naming: <c>horizontal</c>/<c>vertical</c> translate the camera,
/// <c>pan</c> rotates about the x axis (what film calls a tilt), <c>tilt</c> rotates about the y axis (a film pan),
/// <c>zoom</c> changes the field of view. Signs (positive = right, up, wider) follow Kling's API guide as remembered by
/// the team — unverified: Kling's own API reference (app.klingai.com/global/dev/document-api) is in no stored copy
/// (searched docs, pages, code). The axis meanings and ranges agree with ComfyUI's KlingCameraControls node
/// (docs.comfy.org/built-in-nodes/KlingCameraControls: horizontal −left/+right, vertical −down/+up, pan rotation about
/// x −down/+up, tilt rotation about y −left/+right, each −10…10), a 3rd-party copy that does not state zoom's sign.
/// No catalog route sends camera_control today (no model sets <c>CameraParameterKind.KlingCameraControl</c>); it
/// appears in <c>previz prompt</c> output only.
/// </summary>
public sealed record KlingCameraControl(string Type, int Horizontal, int Vertical, int Pan, int Tilt, int Roll, int Zoom)
{
    /// <summary>Full scale (±10) is a 5 m translation, a 90° rotation or a doubling of the focal length.</summary>
    public const double FullScaleMetres = 5;
    public const double FullScaleDegrees = 90;

    /// <summary>The single strongest move as a "simple" control; null when the camera is locked off.</summary>
    public static KlingCameraControl? From(CameraMotion motion)
    {
        ArgumentNullException.ThrowIfNull(motion);
        if (motion.IsLockedOff)
        {
            return null;
        }

        var candidates = new List<(string Axis, double Value)>();
        foreach (var m in motion.Moves)
        {
            switch (m.Move)
            {
                case CameraMove.Truck:
                    candidates.Add(("horizontal", m.Amount / FullScaleMetres));
                    break;
                case CameraMove.Pedestal:
                    candidates.Add(("vertical", m.Amount / FullScaleMetres));
                    break;
                case CameraMove.Pan:
                    candidates.Add(("tilt", m.Amount / FullScaleDegrees));
                    break;
                case CameraMove.Orbit:
                    // Kling has no orbit: the rotation part reads best as a turn.
                    candidates.Add(("tilt", m.Amount / FullScaleDegrees));
                    break;
                case CameraMove.Tilt:
                    candidates.Add(("pan", m.Amount / FullScaleDegrees));
                    break;
                case CameraMove.Roll:
                    candidates.Add(("roll", m.Amount / FullScaleDegrees));
                    break;
                case CameraMove.Zoom:
                    var ratio = motion.EndFocalMm / Math.Max(1e-3, motion.StartFocalMm);
                    candidates.Add(("zoom", -Math.Log2(ratio)));
                    break;
                case CameraMove.Dolly:
                    // No dolly axis in "simple": moving forward reads as narrowing the view.
                    candidates.Add(("zoom", -m.Amount / FullScaleMetres));
                    break;
            }
        }

        var (axis, value) = candidates.OrderByDescending(c => Math.Abs(c.Value)).First();
        var v = (int)Math.Clamp(Math.Round(value * 10, MidpointRounding.AwayFromZero), -10, 10);
        if (v == 0)
        {
            v = Math.Sign(value);
        }

        return new KlingCameraControl("simple",
            axis == "horizontal" ? v : 0, axis == "vertical" ? v : 0, axis == "pan" ? v : 0,
            axis == "tilt" ? v : 0, axis == "roll" ? v : 0, axis == "zoom" ? v : 0);
    }
}
