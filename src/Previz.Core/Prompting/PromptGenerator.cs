using System.Globalization;
using System.Text;
using Previz.Core.Modes;
using Previz.Core.Motion;
using Previz.Core.Sampling;
using Previz.Core.Scenes;

namespace Previz.Core.Prompting;

/// <summary>Writes each prompt part from the scene, the shot and its measured motion.</summary>
public static class PromptGenerator
{
    public static string Generate(PromptPart part, PromptContext context) => part switch
    {
        PromptPart.Scene => Scene(context),
        PromptPart.Style => Style(context),
        PromptPart.Lighting => Lighting(context),
        PromptPart.Audio => Audio(context),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    public static string Scene(PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scene = context.Scene;
        var shot = context.Shot;
        var sampler = new PoseSampler(scene);
        var framing = ShotFraming.Measure(sampler, shot);
        var sb = new StringBuilder();

        // Most specific first: when a prompt must be shortened, the last lines of a block go first.
        sb.AppendLine(PromptSections.SceneContext);
        var orientation = shot.Aspect.Value > 1.01 ? "landscape" : shot.Aspect.Value < 0.99 ? "portrait" : "square";
        sb.AppendLine(Invariant($"{Capitalise(framing.Size)}, {framing.Angle}, {framing.FocalLengthMm:0} mm lens, {shot.Aspect} {orientation} frame."));
        sb.AppendLine(Sentence(shot.Description is null ? $"Shot \"{shot.DisplayName}\"." : $"Shot \"{shot.DisplayName}\": {shot.Description}"));
        sb.AppendLine(Sentence(scene.Description is null ? $"{scene.Name}." : $"{scene.Name}: {scene.Description}"));

        sb.AppendLine(PromptSections.EnvironmentAndProps);
        var env = scene.Environment;
        var setting = new List<string>();
        if (env.TimeOfDay is { } tod)
        {
            setting.Add(Capitalise(tod));
        }

        if (env.FogDensity > 0.0001f)
        {
            setting.Add(env.FogDensity > 0.02f ? "thick fog" : "light haze");
        }

        if (setting.Count > 0)
        {
            sb.AppendLine(Sentence(string.Join(", ", setting)));
        }

        foreach (var (name, description, count) in Props(scene))
        {
            var label = count > 1 ? Invariant($"{name} ×{count}") : name;
            sb.AppendLine(description is null ? $"- {label}" : $"- {label}: {description}");
        }

        sb.AppendLine(PromptSections.Subjects);
        var heroes = scene.Objects.Where(o => o.Hero).ToList();
        if (heroes.Count == 0)
        {
            sb.AppendLine("No named subject.");
        }

        foreach (var hero in heroes)
        {
            var line = $"- {hero.DisplayName}";
            if (hero.Description is not null)
            {
                line += $": {hero.Description}";
            }

            if (hero.References.Count > 0)
            {
                var views = hero.References.Select(r => r.View).Where(v => v is not null).ToList();
                line += views.Count > 0
                    ? $" (looks exactly like its reference images: {string.Join(", ", views)} view{(views.Count == 1 ? "" : "s")})"
                    : " (looks exactly like its reference image)";
            }

            sb.AppendLine(line);
        }

        if (context.Mode != VisualizerMode.Image)
        {
            var motion = context.Motion ?? MotionAnalyzer.Analyze(sampler, shot);
            sb.AppendLine(PromptSections.CameraMotion);
            sb.AppendLine(motion.Camera.Describe());
            sb.AppendLine(PromptSections.SubjectMotion);
            if (motion.Subjects.Count == 0)
            {
                sb.AppendLine("Nothing in the scene moves.");
            }

            foreach (var s in motion.Subjects)
            {
                sb.AppendLine(s.Describe());
            }
        }

        return sb.ToString().TrimEnd();
    }

    public static string Style(PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return PresetPart(PromptSections.Style, context.Scene.Style, context.Presets.FindStyle(context.Scene.Style.Preset));
    }

    public static string Lighting(PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return PresetPart(PromptSections.Lighting, context.Scene.Lighting, context.Presets.FindLighting(context.Scene.Lighting.Preset));
    }

    public static string Audio(PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cues = context.Audio;
        if (cues.IsEmpty)
        {
            return "";
        }

        var sb = new StringBuilder();
        sb.AppendLine(PromptSections.Audio);
        foreach (var d in cues.Dialog)
        {
            sb.AppendLine($"Dialog: {d}");
        }

        foreach (var e in cues.Effects)
        {
            sb.AppendLine($"SFX: {e}");
        }

        foreach (var a in cues.Ambience)
        {
            sb.AppendLine($"Ambience: {a}");
        }

        return sb.ToString().TrimEnd();
    }

    private static string PresetPart(string header, PresetText choice, StylePreset? preset)
    {
        var words = new List<string>();
        if (preset is not null)
        {
            words.Add(preset.Text);
        }
        else if (choice.Preset is { Length: > 0 } unknown)
        {
            words.Add(unknown.Replace('-', ' '));
        }

        if (choice.Text is { Length: > 0 } text)
        {
            words.Add(text);
        }

        return words.Count == 0 ? "" : $"{header}\n{Sentence(Capitalise(string.Join("; ", words)))}";
    }

    /// <summary>Non-hero objects grouped by name, in scene order, with the first description found.</summary>
    private static List<(string Name, string? Description, int Count)> Props(SceneDocument scene)
    {
        var groups = new List<(string Name, string? Description, int Count)>();
        foreach (var o in scene.Objects.Where(o => !o.Hero))
        {
            var name = o.DisplayName;
            var i = groups.FindIndex(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase));
            if (i < 0)
            {
                groups.Add((name, o.Description, 1));
            }
            else
            {
                groups[i] = (groups[i].Name, groups[i].Description ?? o.Description, groups[i].Count + 1);
            }
        }

        return groups;
    }

    private static string Sentence(string s)
    {
        var t = s.Trim();
        return t.Length == 0 || ".!?".Contains(t[^1], StringComparison.Ordinal) ? t : t + ".";
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
