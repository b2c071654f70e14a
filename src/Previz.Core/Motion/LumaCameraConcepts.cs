namespace Previz.Core.Motion;

/// <summary>
/// Luma camera concepts (named moves sent as <c>concepts: [{key}]</c> on Luma's Dream Machine API, the legacy one; Luma's
/// current Agents API types have no concepts field, lumalabs/luma-agents-python@38837df). Luma lists the keys at run time
/// (<c>GET /dream-machine/v1/generations/concepts/list</c>, lumalabs/lumaai-python@c00ac17
/// src/lumaai/resources/generations/concepts.py). Verified in Luma's own list (docs.lumalabs.ai/changelog/concepts):
/// static, dolly_zoom, orbit_left, orbit_right, truck_left, pan_left, pan_right, pedestal_up, pedestal_down, roll_left,
/// roll_right, zoom_in, zoom_out. Unverified: truck_right, push_in, pull_out, tilt_up, tilt_down — the stored copy of
/// that list is cut off before its end (searched docs and pages for the rest). No route sends concepts today; they
/// appear in <c>previz prompt</c> output only.
/// </summary>
public static class LumaCameraConcepts
{
    /// <summary>The concept keys for the moves in <paramref name="motion"/>, strongest first; "static" when locked off.</summary>
    public static IReadOnlyList<string> From(CameraMotion motion)
    {
        ArgumentNullException.ThrowIfNull(motion);
        if (motion.IsLockedOff)
        {
            return ["static"];
        }

        var keys = new List<string>();
        var dolly = motion.Find(CameraMove.Dolly);
        var zoom = motion.Find(CameraMove.Zoom);
        if (dolly is not null && zoom is not null && Math.Sign(dolly.Amount) != Math.Sign(zoom.Amount))
        {
            keys.Add("dolly_zoom");
        }

        foreach (var m in motion.Moves.OrderBy(m => m.Move))
        {
            var key = m.Move switch
            {
                CameraMove.Orbit => m.Amount >= 0 ? "orbit_right" : "orbit_left",
                CameraMove.Dolly => m.Amount >= 0 ? "push_in" : "pull_out",
                CameraMove.Truck => m.Amount >= 0 ? "truck_right" : "truck_left",
                CameraMove.Pedestal => m.Amount >= 0 ? "pedestal_up" : "pedestal_down",
                CameraMove.Pan => m.Amount >= 0 ? "pan_right" : "pan_left",
                CameraMove.Tilt => m.Amount >= 0 ? "tilt_up" : "tilt_down",
                CameraMove.Roll => m.Amount >= 0 ? "roll_right" : "roll_left",
                CameraMove.Zoom => m.Amount >= 0 ? "zoom_in" : "zoom_out",
                _ => null,
            };
            if (key is not null && !keys.Contains(key))
            {
                keys.Add(key);
            }
        }

        return keys;
    }
}
