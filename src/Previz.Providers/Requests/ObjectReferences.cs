using Previz.Providers.Inputs;

namespace Previz.Providers.Requests;

/// <summary>The reference pictures of one object to send, frontal (first listed) view first.</summary>
public sealed record ObjectReferences(string ObjectId, string ObjectName, bool Hero, IReadOnlyList<FittedImage> Images);
