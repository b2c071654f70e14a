namespace Previz.Core.Catalog;

/// <summary>
/// A request ready for a vendor client: where it goes and the JSON body, field by field as the vendor's schema names
/// them, plus notes on anything that could not be sent (e.g. a seed to an API without one).
/// </summary>
public sealed record VendorRequest(ModelProvider Provider, string EndpointId, IReadOnlyDictionary<string, object?> Body, IReadOnlyList<string> Notes);
