namespace Previz.Core.Catalog;

/// <summary>One vendor endpoint (fal endpoint id, Runway path + model, …) and the request fields it takes.</summary>
public sealed record VendorEndpoint(string Id, RequestFields Fields);
