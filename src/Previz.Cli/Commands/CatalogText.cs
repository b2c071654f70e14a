using System.Globalization;
using Previz.Core.Catalog;
using Previz.Core.Costs;
using Previz.Core.Modes;

namespace Previz.Cli.Commands;

/// <summary>Short human texts for catalog facts, shared by the models, prompt and estimate commands.</summary>
public static class CatalogText
{
    public static string Modes(ModelEntry model) => string.Join(", ", model.Modes.Select(m => m.Id()));

    public static string Durations(ModelEntry model) =>
        model.Kind == ModelKind.Image ? "still" : model.Durations?.ToString() ?? "shot length";

    public static string Orientations(ModelEntry model) =>
        model.Aspects.Count == 0 ? "any" : string.Join(" ", model.Aspects.Select(a => a.Value));

    public static string Audio(ModelEntry model) => model.Audio switch
    {
        AudioSupport.None => "no",
        AudioSupport.Native => "always",
        _ => "optional",
    };

    public static string Price(ModelEntry model)
    {
        var p = model.Pricing;
        if (p.Rule == BillingRule.Free)
        {
            return "free";
        }

        if (p.Rows.Count == 0)
        {
            return "-";
        }

        var unit = p.Rule switch
        {
            BillingRule.PerSecond => "/s",
            BillingRule.PerClip => string.Create(CultureInfo.InvariantCulture, $" per {p.ClipSeconds} s"),
            _ => "/image",
        };
        // Resolutions that share a price are shown once: "720p/1080p $0.20/s ($0.40 with audio)".
        var groups = p.Rows.GroupBy(r => (r.Silent, r.WithAudio)).ToList();
        return string.Join("; ", groups.Select(g =>
        {
            var resolutions = g.Select(r => r.Resolution).Where(r => r != PriceRow.AnyResolution).ToList();
            var res = groups.Count == 1 || resolutions.Count == 0 ? "" : string.Join("/", resolutions) + " ";
            var audio = g.Key.WithAudio is { } a && a != g.Key.Silent ? $" ({CostEstimator.Money(a)} with audio)" : "";
            return $"{res}{CostEstimator.Money(g.Key.Silent)}{unit}{audio}";
        }));
    }

    public static string Key(ModelEntry model, Func<string, string?> environment) =>
        model.ApiKeyVariable is null ? "not needed"
        : ApiKeys.IsKeySet(model, environment) ? $"{model.ApiKeyVariable} set"
        : $"needs {model.ApiKeyVariable}";
}
