using System;
using System.Collections.Generic;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Warranty;

/// <summary>
/// The built-in exclusion catalogue: one exclusion per clause commonly written into after-sales contracts, with the
/// causes that trigger it. A policy uses all of them unless told otherwise
/// (<see cref="WarrantyPolicyBuilder.UseBuiltInExclusions"/>).
/// </summary>
public static class Exclusions
{
    /// <summary>Accidents and disasters: fire, flood, wind, lightning, war; events beyond human control; power failure.</summary>
    public static Exclusion Disaster { get; } = Exclusion.BuiltIn(
        "disaster", ExclusionConsequence.NotCovered, "accidents and disasters: fire, flood, wind, lightning, war; events beyond human control; power failure",
        "fire", "flood", "wind", "lightning", "war", "powerFailure");

    /// <summary>Negligence, misuse, mis-operation, malicious use.</summary>
    public static Exclusion Misuse { get; } = Exclusion.BuiltIn(
        "misuse", ExclusionConsequence.NotCovered, "negligence, misuse, mis-operation, malicious use",
        "negligence", "misuse", "misoperation", "maliciousUse");

    /// <summary>The system was moved or changed by unqualified people employed by the user.</summary>
    public static Exclusion UnqualifiedChange { get; } = Exclusion.BuiltIn(
        "unqualifiedChange", ExclusionConsequence.NotCovered, "the system was moved or changed by unqualified people employed by the user",
        "movedByUnqualifiedPeople");

    /// <summary>Work, modification or change without the supplier's authorisation, or deviation from its design or installation requirements.</summary>
    public static Exclusion UnauthorisedModification { get; } = Exclusion.BuiltIn(
        "unauthorisedModification", ExclusionConsequence.NotCovered,
        "work, modification or change without the supplier's authorisation, or deviation from its design or installation requirements",
        "unauthorisedModification", "installationDeviation");

    /// <summary>Use together with inferior or faulty third-party materials.</summary>
    public static Exclusion InferiorMaterials { get; } = Exclusion.BuiltIn(
        "inferiorMaterials", ExclusionConsequence.NotCovered, "use together with inferior or faulty third-party materials",
        "inferiorThirdPartyMaterials");

    /// <summary>Faults caused by equipment the supplier is not responsible for; third-party functions, accessories or software added or removed.</summary>
    public static Exclusion ThirdPartyEquipment { get; } = Exclusion.BuiltIn(
        "thirdPartyEquipment", ExclusionConsequence.NotCovered,
        "faults caused by equipment the supplier is not responsible for; third-party functions, accessories or software added to or removed from the system",
        "thirdPartyEquipment", "thirdPartySoftware");

    /// <summary>Improper use, accident, alteration, unsuitable physical or operating environment, improper maintenance by the customer.</summary>
    public static Exclusion ImproperUse { get; } = Exclusion.BuiltIn(
        "improperUse", ExclusionConsequence.NotCovered,
        "improper use, accident, alteration, unsuitable physical or operating environment, improper maintenance by the customer",
        "improperUse", "accident", "alteration", "unsuitableEnvironment", "improperMaintenance");

    /// <summary>Peripherals not agreed in advance, consumables, human damage, non-quality faults.</summary>
    public static Exclusion NotCovered { get; } = Exclusion.BuiltIn(
        "notCovered", ExclusionConsequence.NotCovered, "peripherals not agreed in advance, consumables, human damage, non-quality faults",
        "unagreedPeripheral", "consumable", "humanDamage", "nonQualityFault");

    /// <summary>Other causes that could not be foreseen, avoided or overcome (force majeure).</summary>
    public static Exclusion ForceMajeure { get; } = Exclusion.BuiltIn(
        "forceMajeure", ExclusionConsequence.NotCovered, "other causes that could not be foreseen, avoided or overcome (force majeure)",
        "forceMajeure");

    /// <summary>In emergency service, repairing the replaced faulty part is not included.</summary>
    public static Exclusion EmergencyPartRepair { get; } = Exclusion.BuiltIn(
        "emergencyPartRepair", ExclusionConsequence.NotCovered, "in emergency service, repairing the replaced faulty part is not included",
        "repairOfReplacedPart");

    /// <summary>Requests outside the contract's scope or period: chargeable after the customer agrees to pay.</summary>
    public static Exclusion OutOfScope { get; } = Exclusion.BuiltIn(
        "outOfScope", ExclusionConsequence.OutOfScope, "requests outside the contract's scope or period are chargeable after the customer agrees to pay",
        "outOfScope");

    /// <summary>The whole catalogue, in order.</summary>
    public static IReadOnlyList<Exclusion> BuiltIn { get; } = Array.AsReadOnly(new[]
    {
        Disaster, Misuse, UnqualifiedChange, UnauthorisedModification, InferiorMaterials, ThirdPartyEquipment, ImproperUse, NotCovered,
        ForceMajeure, EmergencyPartRepair, OutOfScope,
    });

    /// <summary>The built-in exclusion with id <paramref name="id"/>, or null.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The exclusion, or null when the catalogue has no such id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public static Exclusion? Find(string id)
    {
        Preconditions.CheckNotNull(id, nameof(id));
        foreach (var exclusion in BuiltIn)
        {
            if (exclusion.Id == id)
            {
                return exclusion;
            }
        }

        return null;
    }
}
