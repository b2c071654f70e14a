using System.Globalization;

namespace Previz.Studio.Components.Shots;

/// <summary>The address of a Direct Render still of a shot (<c>GET /api/scenes/{id}/shots/{shotId}/still</c>).</summary>
public static class StillUrl
{
    public static string For(Guid sceneId, string shotId, double seconds, string pass = "shaded", string resolution = "1k") =>
        string.Create(CultureInfo.InvariantCulture, $"api/scenes/{sceneId}/shots/{Uri.EscapeDataString(shotId)}/still?t={seconds:0.######}&pass={pass}&resolution={resolution}");
}
