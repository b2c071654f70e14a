namespace Previz.Core.Prompting;

/// <summary>
/// Section headers of a prompt and how much each matters when a prompt must be shortened (higher is kept longer).
/// Lines before any header are the user's own and are kept longest.
/// </summary>
public static class PromptSections
{
    public const string SceneContext = "[Scene Context]";
    public const string EnvironmentAndProps = "[Environment & Props]";
    public const string Subjects = "[Subjects]";
    public const string CameraMotion = "[Camera Motion]";
    public const string SubjectMotion = "[Subject Motion]";
    public const string Style = "[Style]";
    public const string Lighting = "[Lighting]";
    public const string Audio = "[Audio]";

    public const int UnsectionedPriority = 100;

    /// <summary>Priority of a section's lines; unknown headers rank with the scene context.</summary>
    public static int Priority(string? header) => header switch
    {
        null => UnsectionedPriority,
        Subjects => 95,
        CameraMotion => 90,
        SubjectMotion => 85,
        SceneContext => 70,
        Style => 65,
        Audio => 60,
        Lighting => 55,
        EnvironmentAndProps => 30,
        _ => 50,
    };

    /// <summary>
    /// How much less each further line of a section matters. Scene Context lines run from specific to general
    /// (framing 70, shot 60, scene 50), so the scene's general description goes before Style and Lighting.
    /// </summary>
    public static double LineStep(string? header) => header == SceneContext ? 10 : 0.001;

    public static bool IsHeader(string line)
    {
        var t = line.Trim();
        return t.Length > 2 && t[0] == '[' && t[^1] == ']';
    }
}
