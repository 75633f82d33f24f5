namespace Cartesia.Emulator.Catalog;

/// <summary>Records by id, listed in the order they were created (what paging walks), safe across requests.</summary>
internal sealed class RecordStore<T> where T : class
{
    private readonly object _gate = new();
    private readonly List<T> _items = [];
    private readonly Func<T, string> _idOf;

    public RecordStore(Func<T, string> idOf) => _idOf = idOf;

    public IReadOnlyList<T> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    public T? Find(string id)
    {
        lock (_gate)
        {
            return _items.FirstOrDefault(item => _idOf(item) == id);
        }
    }

    /// <summary>Adds a record, or replaces the one with its id (keeping its place).</summary>
    public void Put(T item)
    {
        lock (_gate)
        {
            int index = _items.FindIndex(existing => _idOf(existing) == _idOf(item));
            if (index >= 0)
            {
                _items[index] = item;
            }
            else
            {
                _items.Add(item);
            }
        }
    }

    /// <summary>Adds a record unless one matches <paramref name="conflict"/>; false when one does.</summary>
    public bool TryAdd(T item, Func<T, bool> conflict)
    {
        lock (_gate)
        {
            if (_items.Any(conflict))
            {
                return false;
            }

            _items.Add(item);
            return true;
        }
    }

    /// <summary>Replaces every record at once (loading a saved state).</summary>
    public void ReplaceAll(IEnumerable<T> items)
    {
        lock (_gate)
        {
            _items.Clear();
            _items.AddRange(items);
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            return _items.RemoveAll(item => _idOf(item) == id) > 0;
        }
    }
}
