using System.Globalization;
using System.Numerics;
using Previz.Core.Scenes;

namespace Previz.Core.Motion;

/// <summary>
/// How an object moves over a shot in screen terms: its path length, and its net displacement in the camera's frame at
/// shot start (<see cref="ScreenDisplacement"/>: X right, Y up, Z away from the camera), and how far it turns about
/// the vertical (<see cref="TurnDegrees"/>, positive clockwise seen from above).
/// </summary>
public sealed record SubjectMotion(SceneObject Subject, double PathMetres, Vector3 ScreenDisplacement, double Seconds, bool FollowedByCamera, double TurnDegrees = 0)
{
    public bool Travels => PathMetres >= MotionAnalyzer.TranslationThresholdMetres;

    public bool Turns => Math.Abs(TurnDegrees) >= MotionAnalyzer.TurnThresholdDegrees;

    /// <summary>"from right to left", "away from the camera", "upwards" — the components that matter, joined.</summary>
    public string ScreenDirection
    {
        get
        {
            var d = ScreenDisplacement;
            var length = d.Length();
            if (length < 1e-6f)
            {
                return "and returns to where it started";
            }

            var parts = new List<string>(3);
            if (MathF.Abs(d.X) >= 0.35f * length)
            {
                parts.Add(d.X < 0 ? "from right to left" : "from left to right");
            }

            if (MathF.Abs(d.Z) >= 0.35f * length)
            {
                parts.Add(d.Z > 0 ? "away from the camera" : "towards the camera");
            }

            if (MathF.Abs(d.Y) >= 0.35f * length)
            {
                parts.Add(d.Y > 0 ? "upwards" : "downwards");
            }

            return CameraMotion.JoinAnd(parts);
        }
    }

    /// <summary>"The ball travels 30 m from right to left over 3 s; the camera follows it."</summary>
    public string Describe()
    {
        var name = Subject.Name ?? Subject.Id;
        var turn = string.Create(CultureInfo.InvariantCulture,
            $"{Math.Abs(TurnDegrees):0}° {(TurnDegrees >= 0 ? "clockwise" : "counter-clockwise")} (seen from above)");
        var text = Travels
            ? string.Create(CultureInfo.InvariantCulture, $"The {name} travels {CameraMoveAmount.Metres(PathMetres)} {ScreenDirection}{(Turns ? $", turning {turn}," : "")} over {Seconds:0.#} s")
            : string.Create(CultureInfo.InvariantCulture, $"The {name} turns {turn} in place over {Seconds:0.#} s");
        return FollowedByCamera && Travels ? text + "; the camera follows it." : text + ".";
    }
}
