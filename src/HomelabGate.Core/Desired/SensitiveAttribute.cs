namespace HomelabGate.Core.Desired;

/// <summary>Marks a resource property whose value must never be shown (plans, status, logs): it prints as "(secret)".
/// The state file still records it, because it holds references and hashes, not secret values.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;
