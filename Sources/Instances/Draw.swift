/// The namespace of the seeded instance generators. Each generator is a static function taking
/// an `inout ChoiceSource`; it is a pure function of the choices it draws, exact over ℚ, and
/// follows the choice convention documented on `ChoiceSource` (choice 0 = simplest option, so
/// the empty choice list gives the simplest instance).
///
/// Exhaustive enumerations, which need no choices, live in `Enumerate`.
public enum Draw {}
