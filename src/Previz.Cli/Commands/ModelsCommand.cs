using System.CommandLine;
using Previz.Cli.Console;
using Previz.Core.Catalog;
using Previz.Core.Modes;
using Spectre.Console;

namespace Previz.Cli.Commands;

/// <summary><c>previz models [--mode MODE] [--json]</c>: the catalog, grouped by provider.</summary>
public static class ModelsCommand
{
    public static Command Create(Output output, Func<string, string?>? environment = null)
    {
        var env = environment ?? Environment.GetEnvironmentVariable;
        var mode = new Option<string?>("--mode")
        {
            Description = "Only the models that can do this mode: " + string.Join(", ", VisualizerModes.All.Select(m => m.Id())),
        }.AcceptOnlyFromAmong([.. VisualizerModes.All.Select(m => m.Id())]);
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables" };
        var command = new Command("models", "List the models, what each accepts and costs, and whether its API key is set.") { mode, json };
        command.SetAction(parse =>
        {
            var catalog = ModelCatalog.Default;
            VisualizerMode? chosen = parse.GetValue(mode) is { } m ? VisualizerModes.Parse(m) : null;
            var listings = chosen is { } cm
                ? catalog.ForMode(cm)
                : catalog.Models.Select(x => new ModeListing(x, x.Guidance)).ToList();
            if (parse.GetValue(json))
            {
                CliJson.Write(output, new
                {
                    mode = chosen?.Id(),
                    models = listings.Select(l => ToJson(l, chosen, env)).ToList(),
                });
                return ExitCodes.Success;
            }

            if (chosen is { } heading)
            {
                output.Out.MarkupLine($"[bold]{Markup.Escape(heading.DisplayName())}[/]: {listings.Count} models");
            }

            foreach (var group in listings.GroupBy(l => l.Model.Provider))
            {
                var table = new Table().Title(Markup.Escape(ProviderName(group.Key)))
                    .AddColumns("id", "name", "modes", "durations", "orientations", "audio", "price", "key");
                if (chosen == VisualizerMode.FromAnimation)
                {
                    table.AddColumn("driven by");
                }

                foreach (var l in group)
                {
                    var x = l.Model;
                    var name = x.IsAvailable ? Markup.Escape(x.DisplayName) : $"{Markup.Escape(x.DisplayName)} [red](unavailable)[/]";
                    var cells = new List<string>
                    {
                        Markup.Escape(x.Id), name, Markup.Escape(CatalogText.Modes(x)), Markup.Escape(CatalogText.Durations(x)),
                        Markup.Escape(CatalogText.Orientations(x)), Markup.Escape(CatalogText.Audio(x)), Markup.Escape(CatalogText.Price(x)),
                        Markup.Escape(CatalogText.Key(x, env)),
                    };
                    if (chosen == VisualizerMode.FromAnimation)
                    {
                        cells.Add(l.InventsMotion ? $"[yellow]{Markup.Escape(l.GuidanceText)}[/]" : Markup.Escape(l.GuidanceText));
                    }

                    table.AddRow([.. cells]);
                }

                output.Out.Write(table);
                foreach (var l in group.Where(l => !l.IsAvailable))
                {
                    output.Out.MarkupLine($"[red]{Markup.Escape(l.Model.Id)}[/]: {Markup.Escape(l.UnavailableReason ?? "")}");
                }
            }

            if (chosen == VisualizerMode.FromAnimation && listings.Where(l => l.InventsMotion && l.IsAvailable).Select(l => l.Model.Id).ToList() is { Count: > 0 } inventing)
            {
                output.Warn($"frames + words: {string.Join(", ", inventing)} get only frames and a description of the motion and invent the motion themselves; for the authored motion use Direct Render or a guide-video model.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string ProviderName(ModelProvider provider) => provider switch
    {
        ModelProvider.DirectRender => "Direct Render (this machine)",
        ModelProvider.Fal => "fal",
        ModelProvider.Runway => "Runway",
        ModelProvider.Luma => "Luma",
        ModelProvider.ComfyUI => "ComfyUI (your server)",
        _ => provider.ToString(),
    };

    private static object ToJson(ModeListing l, VisualizerMode? mode, Func<string, string?> env)
    {
        var x = l.Model;
        return new
        {
            id = x.Id,
            name = x.DisplayName,
            provider = x.Provider,
            kind = x.Kind,
            available = x.IsAvailable,
            unavailableReason = x.Availability.Reason,
            modes = x.Modes.Select(m => m.Id()).ToList(),
            drivenBy = mode == VisualizerMode.FromAnimation ? l.Guidance : (AnimationGuidance?)null,
            drivenByText = mode == VisualizerMode.FromAnimation ? l.GuidanceText : null,
            inventsMotion = mode == VisualizerMode.FromAnimation ? l.InventsMotion : (bool?)null,
            guideVideo = x.Inputs.GuideVideo is { } g
                ? new { pass = g.Pass, field = g.Field, minFrames = g.MinFrames, maxFrames = g.MaxFrames, minFps = g.MinFps, maxFps = g.MaxFps, preferredFps = g.PreferredFps, maxLongEdge = g.MaxLongEdge }
                : null,
            endpoints = x.Endpoints.ToDictionary(e => e.Key.Id(), e => e.Value.Id),
            durations = x.Durations?.Choices,
            aspects = x.Aspects.Select(a => a.Value).ToList(),
            resolutions = x.Resolutions.ToDictionary(r => r.Key.Id(), r => r.Value),
            audio = x.Audio,
            maxPromptLength = x.MaxPromptLength,
            billing = x.Pricing.Rule,
            prices = x.Pricing.Rows.Select(r => new { resolution = r.Resolution, silent = r.Silent, withAudio = r.WithAudio }).ToList(),
            priceSource = x.Pricing.Source,
            apiKey = x.ApiKeyVariable,
            apiKeySet = ApiKeys.IsKeySet(x, env),
        };
    }
}
