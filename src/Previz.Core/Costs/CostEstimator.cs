using System.Globalization;
using Previz.Core.Catalog;
using Previz.Core.Options;

namespace Previz.Core.Costs;

/// <summary>Prices a generation from the catalog: price × billed duration under the model's billing rule.</summary>
public static class CostEstimator
{
    public static CostEstimate Estimate(ResolvedOptions options, int images = 1) =>
        Estimate(options.Model, options.ClipSeconds, options.VendorResolution, options.Audio, images, options.Guide?.Frames);

    /// <param name="guideFrames">Frames of the guide video the clip follows, where the vendor bills by frame count.</param>
    public static CostEstimate Estimate(ModelEntry model, double clipSeconds, string? vendorResolution, bool audio, int images = 1, int? guideFrames = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.IsAvailable)
        {
            throw new ModelUnavailableException(model);
        }

        var pricing = model.Pricing;
        if (pricing.Rule == BillingRule.Free)
        {
            return new CostEstimate
            {
                ModelId = model.Id,
                Rule = BillingRule.Free,
                Units = 0,
                UnitName = model.Kind == ModelKind.Image ? "image" : "s",
                UnitPrice = 0,
                Total = 0,
                BilledSeconds = clipSeconds,
                VendorResolution = vendorResolution,
                Breakdown = [$"{model.DisplayName} runs on this machine: free"],
            };
        }

        var row = pricing.RowFor(vendorResolution)
            ?? throw new UnsupportedOptionException(model.Id, "resolution", vendorResolution, [.. pricing.Rows.Select(r => r.Resolution)], "No price is known for it.");
        decimal unitPrice;
        if (audio)
        {
            unitPrice = row.WithAudio
                ?? throw new UnsupportedOptionException(model.Id, "audio", "on", ["off"], "It has no price with audio, so it does not make audio.");
        }
        else
        {
            unitPrice = row.Silent;
        }

        var lines = new List<string>();
        var factors = string.Create(CultureInfo.InvariantCulture,
            $"resolution {vendorResolution ?? "fixed"}, audio {(audio ? "on" : "off")}{(row.Resolution == PriceRow.AnyResolution ? " (one price at every resolution)" : "")}");
        decimal units;
        string unitName;
        double billedSeconds;
        switch (pricing.Rule)
        {
            case BillingRule.PerSecond when pricing.FramesPerBilledSecond is { } billedFps && guideFrames is { } frames:
                units = decimal.Round((decimal)frames / billedFps, 4);
                billedSeconds = (double)units;
                unitName = "s";
                lines.Add(Text($"{model.DisplayName} bills per video second, counted at {billedFps} frames per second"));
                lines.Add(Text($"{frames} frames = {units:0.####} s × {Money(unitPrice)}/s = {Money(unitPrice * units)}"));
                break;
            case BillingRule.PerSecond:
                billedSeconds = Math.Ceiling(clipSeconds - 1e-9);
                units = (decimal)billedSeconds;
                unitName = "s";
                lines.Add($"{model.DisplayName} bills per second of video generated");
                lines.Add(Text($"{billedSeconds:0} s × {Money(unitPrice)}/s = {Money(unitPrice * units)}"));
                break;
            case BillingRule.PerClip:
                var clips = Math.Max(1, (int)Math.Ceiling((clipSeconds - 1e-9) / pricing.ClipSeconds));
                billedSeconds = clips * pricing.ClipSeconds;
                units = clips;
                unitName = "clip";
                lines.Add(Text($"{model.DisplayName} bills per started {pricing.ClipSeconds} s clip"));
                lines.Add(Text($"{clipSeconds:0.#} s = {clips} clip{(clips == 1 ? "" : "s")} × {Money(unitPrice)} = {Money(unitPrice * units)}"));
                break;
            case BillingRule.PerImage:
                billedSeconds = 0;
                units = Math.Max(1, images);
                unitName = "image";
                lines.Add($"{model.DisplayName} bills per image");
                lines.Add(Text($"{units:0} image{(units == 1 ? "" : "s")} × {Money(unitPrice)} = {Money(unitPrice * units)}"));
                break;
            default:
                throw new InvalidOperationException($"Unknown billing rule {pricing.Rule}.");
        }

        lines.Add(factors);
        lines.Add($"price source: {pricing.Source}");
        return new CostEstimate
        {
            ModelId = model.Id,
            Rule = pricing.Rule,
            Units = units,
            UnitName = unitName,
            UnitPrice = unitPrice,
            Total = unitPrice * units,
            BilledSeconds = billedSeconds,
            VendorResolution = vendorResolution,
            Audio = audio,
            Breakdown = lines,
        };
    }

    /// <summary>Dollars with cents, or with more places when under a cent matters ($0.1345).</summary>
    public static string Money(decimal amount) =>
        decimal.Round(amount, 2) == amount
            ? amount.ToString("$0.00", CultureInfo.InvariantCulture)
            : amount.ToString("$0.00##", CultureInfo.InvariantCulture);

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
