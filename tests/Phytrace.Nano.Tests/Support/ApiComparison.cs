namespace Phytrace.Nano.Tests.Support;

/// <summary>
/// Compares declarations (tools/NanoReference) with the real assemblies they stand in for. Every
/// declared type must exist in exactly one real assembly with the same kind, modifiers and base
/// type, implement the interfaces it declares, and every declared member must exist there with the
/// same description. A declared abstract class must also declare every abstract member of the real
/// one, so a class derived from the declaration compiles against the real assembly too; a declared
/// enum every value of the real one; a declared property every accessor of the real one.
/// </summary>
public static class ApiComparison
{
    public static IReadOnlyList<string> Compare(ApiSurface declared, IReadOnlyList<(string Assembly, ApiSurface Surface)> real)
    {
        var differences = new List<string>();
        foreach (TypeSurface type in declared.Types.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var owners = real.Where(r => r.Surface.Types.ContainsKey(type.Name)).ToList();
            if (owners.Count == 0)
            {
                differences.Add(type.Name + ": declared, but no real assembly has a public type of that name");
                continue;
            }
            if (owners.Count > 1)
            {
                differences.Add(type.Name + ": in more than one real assembly (" + string.Join(", ", owners.Select(o => o.Assembly)) + ")");
                continue;
            }
            CompareType(type, owners[0].Surface.Types[type.Name], owners[0].Assembly, differences);
        }
        return differences;
    }

    private static void CompareType(TypeSurface declared, TypeSurface real, string assembly, List<string> differences)
    {
        string where = declared.Name + " (" + assembly + ")";
        if (declared.Header != real.Header)
        {
            differences.Add(where + ": declared '" + declared.Header + "', real '" + real.Header + "'");
        }
        foreach (string declaredInterface in declared.Interfaces.Where(i => !real.Interfaces.Contains(i)))
        {
            differences.Add(where + ": declares interface " + declaredInterface + ", which the real type does not implement");
        }
        foreach (var member in declared.Members)
        {
            if (!real.Members.TryGetValue(member.Key, out string? realText))
            {
                string name = member.Key.Split('(')[0];
                var namesakes = real.Members.Where(m => m.Key.Split('(')[0] == name).Select(m => m.Value).ToList();
                differences.Add(where + ": declares '" + member.Value + "', which the real type does not have"
                    + (namesakes.Count > 0 ? " (it has: " + string.Join("; ", namesakes) + ")" : string.Empty));
            }
            else if (realText != member.Value)
            {
                differences.Add(where + ": declared '" + member.Value + "', real '" + realText + "'");
            }
        }
        if (declared.Header == "enum")
        {
            foreach (var value in real.Members.Where(m => m.Key.StartsWith("field ", StringComparison.Ordinal) && !declared.Members.ContainsKey(m.Key)))
            {
                differences.Add(where + ": does not declare the real enum value '" + value.Value + "'");
            }
        }
        foreach (var accessor in real.Members.Where(m => IsAccessorOfDeclared(m.Key, declared)))
        {
            differences.Add(where + ": does not declare the real accessor '" + accessor.Value + "' of a property it declares");
        }
        if (real.IsAbstractClass)
        {
            foreach (string key in real.AbstractMembers.Where(k => !declared.Members.ContainsKey(k)))
            {
                differences.Add(where + ": does not declare the real abstract member '" + real.Members[key]
                    + "' (a class derived from the declaration would not compile against the real assembly)");
            }
        }
    }

    /// <summary>A get_X or set_X the declaration lacks while it declares the other accessor of X.</summary>
    private static bool IsAccessorOfDeclared(string key, TypeSurface declared)
    {
        if (declared.Members.ContainsKey(key) || !(key.StartsWith("method get_", StringComparison.Ordinal) || key.StartsWith("method set_", StringComparison.Ordinal)))
        {
            return false;
        }
        string property = key.Substring("method get_".Length).Split('(')[0];
        string prefix = key.StartsWith("method get_", StringComparison.Ordinal) ? "method set_" : "method get_";
        return declared.Members.Keys.Any(k => k.StartsWith(prefix + property + "(", StringComparison.Ordinal));
    }
}
