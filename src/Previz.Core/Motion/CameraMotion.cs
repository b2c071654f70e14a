using System.Globalization;

namespace Previz.Core.Motion;

/// <summary>The camera's movement over a shot, measured in the camera's frame at shot start.</summary>
public sealed record CameraMotion
{
    public required IReadOnlyList<CameraMoveAmount> Moves { get; init; }

    public required double Seconds { get; init; }

    public float StartFocalMm { get; init; }

    public float EndFocalMm { get; init; }

    /// <summary>The display name of what the camera keeps aimed at, if anything.</summary>
    public string? AimTargetName { get; init; }

    /// <summary>What an orbit circles (the aim target, or "the subject" when inferred from the view rays).</summary>
    public string? OrbitPivotName { get; init; }

    public bool IsLockedOff => Moves.Count == 0;

    /// <summary>The moves in the order a sentence names them: orbit first, then moves through space (largest first), then turns (largest first), then zoom.</summary>
    public IReadOnlyList<CameraMoveAmount> MostTelling => [.. Moves
        .OrderBy(m => m.Move switch
        {
            CameraMove.Orbit => 0,
            CameraMove.Dolly or CameraMove.Truck or CameraMove.Pedestal => 1,
            CameraMove.Zoom => 3,
            _ => 2,
        })
        .ThenByDescending(m => m.Magnitude)];

    public CameraMoveAmount? Find(CameraMove move) => Moves.FirstOrDefault(m => m.Move == move);

    /// <summary>Plain words: "The camera dollies 6 m forward over 4 s while panning 20° left."</summary>
    public string Describe()
    {
        var over = string.Create(CultureInfo.InvariantCulture, $"{Seconds:0.#} s");
        if (IsLockedOff)
        {
            return $"The camera is locked off: no movement over the shot's {over}.";
        }

        var ordered = MostTelling;
        var text = $"The camera {Phrase(ordered[0], finite: true)} over {over}";
        if (ordered.Count > 1)
        {
            text += " while " + JoinAnd(ordered.Skip(1).Select(m => Phrase(m, finite: false)));
        }

        if (AimTargetName is not null)
        {
            text += $", keeping {AimTargetName} in frame";
        }

        return text + ".";
    }

    private string Phrase(CameraMoveAmount m, bool finite)
    {
        var amount = m.AmountText(StartFocalMm);
        return m.Move switch
        {
            CameraMove.Orbit => $"{(finite ? "orbits" : "orbiting")} {amount} {m.Direction} around {OrbitPivotName ?? "the subject"}",
            CameraMove.Dolly => $"{(finite ? "dollies" : "dollying")} {amount} {m.Direction}",
            CameraMove.Truck => $"{(finite ? "trucks" : "trucking")} {amount} {m.Direction}",
            CameraMove.Pedestal => $"{(finite ? "pedestals" : "pedestalling")} {amount} {m.Direction}",
            CameraMove.Pan => $"{(finite ? "pans" : "panning")} {amount} {m.Direction}",
            CameraMove.Tilt => $"{(finite ? "tilts" : "tilting")} {amount} {m.Direction}",
            CameraMove.Roll => $"{(finite ? "rolls" : "rolling")} {amount} {m.Direction}",
            CameraMove.Zoom => $"{(finite ? "zooms" : "zooming")} {m.Direction} {amount}",
            _ => m.Move.ToString(),
        };
    }

    internal static string JoinAnd(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }
}
