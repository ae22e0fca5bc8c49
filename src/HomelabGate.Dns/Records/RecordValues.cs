using System.Collections;

namespace HomelabGate.Dns.Records;

/// <summary>An immutable, sorted, duplicate-free list of record values with content equality, so that two
/// record sets with the same values compare equal (records compare list members by reference otherwise).</summary>
public sealed class RecordValues : IReadOnlyList<string>, IEquatable<RecordValues>
{
    private readonly string[] _values;

    public RecordValues(IEnumerable<string> values)
    {
        _values = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    public static RecordValues Empty { get; } = new([]);

    public int Count => _values.Length;

    public string this[int index] => _values[index];

    public bool Contains(string value) => Array.BinarySearch(_values, value, StringComparer.Ordinal) >= 0;

    public bool Equals(RecordValues? other) => other is not null && _values.AsSpan().SequenceEqual(other._values);

    public override bool Equals(object? obj) => Equals(obj as RecordValues);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var value in _values)
        {
            hash.Add(value, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _values.GetEnumerator();

    public override string ToString() => string.Join(", ", _values);
}
