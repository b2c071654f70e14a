namespace Previz.Core.Catalog;

/// <summary>
/// One price at one vendor resolution (<c>"*"</c> = any): per unit of the billing rule, silent and with audio
/// (null where the model has no audio).
/// </summary>
public sealed record PriceRow(string Resolution, decimal Silent, decimal? WithAudio = null)
{
    public const string AnyResolution = "*";
}
