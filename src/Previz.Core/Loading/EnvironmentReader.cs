using System.Numerics;
using Previz.Core.Scenes;

namespace Previz.Core.Loading;

/// <summary>Reads <c>environment</c>, <c>style</c> and <c>lighting</c>.</summary>
internal static class EnvironmentReader
{
    public static SceneEnvironment Read(JsonFields root, ProblemCollector problems)
    {
        var f = root.Object("environment");
        if (f is null)
        {
            return SceneEnvironment.Default;
        }

        var d = SceneEnvironment.Default;
        var sun = f.Vector("sunDirection", nonZero: true);
        var fog = f.Object("fog");
        var env = new SceneEnvironment
        {
            TimeOfDay = f.String("timeOfDay"),
            SunDirection = sun is { } s ? Vector3.Normalize(s) : d.SunDirection,
            SunIntensity = (float)(f.Number("sunIntensity", 0, 100) ?? d.SunIntensity),
            Ambient = (float)(f.Number("ambient", 0, 10) ?? d.Ambient),
            SkyColor = f.Color("skyColor") ?? d.SkyColor,
            HorizonColor = f.Color("horizonColor") ?? d.HorizonColor,
            GroundColor = f.Color("groundColor") ?? d.GroundColor,
            FogDensity = (float)(fog?.Number("density", 0, 10) ?? d.FogDensity),
            FogColor = fog?.Color("color") ?? d.FogColor,
        };
        fog?.WarnUnknownFields();
        f.WarnUnknownFields();
        return env;
    }

    public static PresetText ReadPreset(JsonFields root, string name)
    {
        var f = root.Object(name);
        if (f is null)
        {
            return PresetText.None;
        }

        var preset = new PresetText(f.String("preset"), f.String("text"));
        f.WarnUnknownFields();
        return preset;
    }
}
