using AvecSante.Core.Calls.Normalisation;

namespace AvecSante.UnitTests.Calls.Normalisation;

public sealed class ThemeTaggerTests
{
    [Theory]
    [InlineData("Chèque prévention : favoriser l'accès des entreprises aux procédures amiables de prévention des difficultés des entreprises.")]
    [InlineData("Prévention des rixes entre jeunes à Paris : actions de prévention sur l'espace public.")]
    [InlineData("Une attention particulière sera portée aux actions favorisant la prévention contre les phénomènes de rixes.")]
    [InlineData("Le site est en zone rouge du plan de prévention des risques d'inondation.")]
    [InlineData("Modules sur la prévention des discriminations et des violences sexistes.")]
    public void Prevention_that_is_not_about_health_is_not_tagged(string text)
    {
        Assert.DoesNotContain("prevention", ThemeTagger.Tag(text));
    }

    [Theory]
    [InlineData("Actions de prévention de la perte d'autonomie des séniors.", "prevention,vieillissement")]
    [InlineData("Prévention des conduites addictives chez les jeunes : tabac, alcool, écrans.", "addictions,prevention")]
    [InlineData("Appel à projets prévention et promotion de la santé 2026.", "prevention")]
    [InlineData("PRÉVENTION EN SANTÉ SEXUELLE et accès à la contraception", "vie-affective-sexuelle,prevention")]
    public void Health_prevention_is_tagged_with_its_subject(string text, string expected)
    {
        var tags = ThemeTagger.Tag(text);

        foreach (var theme in expected.Split(','))
        {
            Assert.Contains(theme, tags);
        }
    }

    [Theory]
    [InlineData("santé mentale")]
    [InlineData("SANTE MENTALE")]
    [InlineData("Santé\u00A0Mentale")]
    public void Keywords_match_without_regard_to_accents_case_or_spaces(string words)
    {
        Assert.Equal(["sante-mentale"], ThemeTagger.Tag("Un appel sur la " + words + " des jeunes."));
    }

    [Theory]
    [InlineData("Mois sans tabac : accompagner l'arrêt du tabac", "addictions")]
    [InlineData("Dépistage organisé du cancer colorectal", "depistage-cancers")]
    [InlineData("Campagne de vaccination contre la grippe", "vaccination")]
    [InlineData("Les 1000 premiers jours : accompagner les femmes enceintes", "perinatalite")]
    [InlineData("Programme d'éducation thérapeutique du patient diabétique", "maladies-chroniques,etp")]
    [InlineData("Soutenir l'exercice coordonné et la création de maisons de santé", "exercice-coordonne")]
    [InlineData("Lutter contre les déserts médicaux et améliorer l'accès aux soins", "acces-aux-soins")]
    [InlineData("Qualité de l'air intérieur et perturbateurs endocriniens", "sante-environnement")]
    [InlineData("Santé des personnes en situation de précarité", "precarite")]
    [InlineData("Activité physique adaptée et nutrition", "nutrition-activite-physique")]
    public void Each_theme_of_the_controlled_list_has_rules(string text, string expected)
    {
        Assert.Equal(expected, string.Join(",", ThemeTagger.Tag(text)));
    }

    [Fact]
    public void The_ageing_of_the_population_as_context_is_not_the_ageing_theme()
    {
        Assert.Empty(ThemeTagger.Tag("Former des aides-soignants face au vieillissement de la population."));
    }

    [Fact]
    public void A_service_name_is_not_a_theme()
    {
        Assert.Empty(ThemeTagger.Tag("Contact : Sous-direction de la Santé environnementale, Ville de Paris."));
    }
}

public sealed class FunderClassifierTests
{
    [Theory]
    [InlineData("https://www.bretagne.ars.sante.fr/appel-projets-prevention-2026", FunderKind.ArsBretagne, "ARS Bretagne")]
    [InlineData("https://www.ameli.fr/finistere/partenaire/appel-a-projets", FunderKind.Cpam, "CPAM du Finistère")]
    [InlineData("https://www.bretagne.bzh/aides/fiches/sante/", FunderKind.RegionBretagne, "Région Bretagne")]
    [InlineData("https://www.fondationdefrance.org/fr/appels-a-projets/x", FunderKind.FondationDeFrance, "Fondation de France")]
    [InlineData("https://www.santepubliquefrance.fr/mois-sans-tabac", FunderKind.SantePubliqueFrance, "Santé publique France")]
    [InlineData("https://armorique.msa.fr/lfp/appel-a-projets", FunderKind.Msa, "MSA d'Armorique")]
    [InlineData("https://www.iledefrance.fr/aides-et-appels-a-projets/804", FunderKind.Other, "Région Île-de-France")]
    [InlineData("https://www.paris.fr/pages/x-33343", FunderKind.Other, "Ville de Paris")]
    [InlineData("https://www.seine-saint-denis.gouv.fr/Actualites/Appels-a-projets/x", FunderKind.Other, "Préfecture de la Seine-Saint-Denis")]
    public void The_source_domain_names_the_funder(string url, FunderKind kind, string name)
    {
        var funder = FunderClassifier.Classify(new Uri(url), null, "Appel à projets", "Texte.");

        Assert.Equal(kind, funder.Kind);
        Assert.Equal(name, funder.Name);
    }

    [Theory]
    [InlineData("CPAM des Côtes-d'Armor <appels@example.org>", "cpam-22")]
    [InlineData("CPAM du Finistère <appels@example.org>", "cpam-29")]
    [InlineData("CPAM d'Ille-et-Vilaine <appels@example.org>", "cpam-35")]
    [InlineData("CPAM du Morbihan <appels@example.org>", "cpam-56")]
    public void A_cpam_mail_sender_gives_the_cpam_of_its_department(string sender, string code)
    {
        var funder = FunderClassifier.Classify(null, sender, "Appel à projets prévention", "Madame, Monsieur,");

        Assert.Equal(FunderKind.Cpam, funder.Kind);
        Assert.Equal(code, funder.Code);
    }

    [Theory]
    [InlineData("L'Agence régionale de santé Bretagne lance un appel à projets.", FunderKind.ArsBretagne)]
    [InlineData("Santé publique France lance le Mois sans tabac.", FunderKind.SantePubliqueFrance)]
    [InlineData("La Fondation de France soutient les projets.", FunderKind.FondationDeFrance)]
    [InlineData("La MSA d'Armorique finance des actions.", FunderKind.Msa)]
    [InlineData("Harmonie Mutuelle lance son appel à projets santé.", FunderKind.Mutuelle)]
    [InlineData("La caisse primaire d'assurance maladie du Morbihan lance un appel.", FunderKind.Cpam)]
    public void Without_url_or_sender_the_text_names_the_funder(string text, FunderKind kind)
    {
        Assert.Equal(kind, FunderClassifier.Classify(null, null, "Appel à projets", text).Kind);
    }

    [Fact]
    public void Another_public_body_is_named()
    {
        var funder = FunderClassifier.Classify(null, null, "Appel à projets", "La Ville de Rennes lance un appel à projets santé.");

        Assert.Equal(FunderKind.Other, funder.Kind);
        Assert.Equal("Ville de Rennes", funder.Name);
    }

    [Fact]
    public void An_unrecognised_source_is_unknown()
    {
        Assert.Equal(FunderKind.Unknown, FunderClassifier.Classify(null, null, "Un appel", "Un texte sans financeur.").Kind);
    }
}

public sealed class CallKindClassifierTests
{
    [Theory]
    [InlineData("Appel à manifestation d'intérêt : santé des jeunes", CallKind.AppelAManifestationInteret)]
    [InlineData("Appel à candidatures 2026 de la conférence des financeurs", CallKind.AppelACandidatures)]
    [InlineData("Appel à projets prévention 2026", CallKind.AppelAProjets)]
    [InlineData("Challenge IA pour la Santé", CallKind.AppelACandidatures)]
    public void The_kind_comes_from_the_wording(string title, CallKind kind)
    {
        var result = CallKindClassifier.Classify(title, "Les porteurs peuvent solliciter une subvention.");

        Assert.Equal(kind, result.Kind);
        Assert.True(result.IsFundingCall);
    }

    [Fact]
    public void An_offer_to_occupy_public_land_against_a_fee_is_not_a_funding_call()
    {
        var result = CallKindClassifier.Classify(
            "Appel à propositions pour un emplacement commercial",
            "Autorisation d'occupation du domaine public. Redevance minimale garantie. Durée de l'autorisation : 5 ans.");

        Assert.Equal(CallKind.AppelAPropositions, result.Kind);
        Assert.False(result.IsFundingCall);
    }

    [Fact]
    public void A_results_page_is_not_a_funding_call()
    {
        var result = CallKindClassifier.Classify("Résultats de l'appel à projets prévention 2025", "Voici la liste des lauréats.");

        Assert.False(result.IsFundingCall);
    }
}

public sealed class AmountExtractorTests
{
    [Theory]
    [InlineData("Une enveloppe de 1,5 million d'euros est mobilisée.", 1_500_000, AmountKind.Total)]
    [InlineData("Subvention dans la limite de 20 000 € par projet.", 20_000, AmountKind.MaximumPerProject)]
    [InlineData("Le challenge est doté de 500.000€.", 500_000, AmountKind.Total)]
    [InlineData("Une subvention jusqu'à 500\u00A0000\u00A0euros.", 500_000, AmountKind.MaximumPerProject)]
    [InlineData("Un cofinancement de 50K€ est possible pour cette édition.", 50_000, AmountKind.Unspecified)]
    public void The_amount_of_this_call_is_read(string text, int euros, AmountKind kind)
    {
        var amount = AmountExtractor.Extract(text, 2026);

        Assert.Equal(euros, amount?.Euros);
        Assert.Equal(kind, amount?.Kind);
    }

    [Theory]
    [InlineData("Les subventions de la dernière édition s'échelonnaient de 1 000 € à 19 000 €.")]
    [InlineData("Dans le cadre de l'AAP 2025, 75 projets ont fait l'objet d'un financement de 190 750 €.")]
    [InlineData("Seuls les projets dont le montant de subvention demandé est supérieur à 10.000€ sont acceptés.")]
    [InlineData("Redevance d'occupation fixée à 7,40 € du m² par jour.")]
    public void Past_budgets_floors_and_fees_are_not_the_amount(string text)
    {
        Assert.Null(AmountExtractor.Extract(text, 2026));
    }

    [Fact]
    public void This_year_wins_over_a_mention_of_previous_years()
    {
        var amount = AmountExtractor.Extract(
            "La dernière édition s'échelonnait de 1 000 € à 19 000 €. Cette année, comme les années précédentes, le montant total sera de 150 000 €.", 2026);

        Assert.Equal(150_000, amount?.Euros);
    }
}

public sealed class DetectorTests
{
    private static readonly Funder Ars = FunderClassifier.Classify(new Uri("https://www.bretagne.ars.sante.fr/x"), null, "t", "t");
    private static readonly Funder Paris = FunderClassifier.Classify(new Uri("https://www.paris.fr/x"), null, "t", "t");
    private static readonly Funder Spf = FunderClassifier.Classify(new Uri("https://www.santepubliquefrance.fr/x"), null, "t", "t");

    [Fact]
    public void Breton_departments_named_in_the_text_are_found()
    {
        Assert.Equal(["22", "56"], DepartmentDetector.Detect("Ouvert aux équipes des Côtes-d'Armor et du Morbihan.", Ars));
    }

    [Fact]
    public void A_regional_breton_funder_without_departments_means_all_of_brittany()
    {
        Assert.Equal(["regional"], DepartmentDetector.Detect("Appel à projets prévention.", Ars));
    }

    [Fact]
    public void A_national_body_gives_national()
    {
        Assert.Equal(["national"], DepartmentDetector.Detect("Mois sans tabac.", Spf));
    }

    [Fact]
    public void A_call_of_another_region_concerns_no_breton_department()
    {
        Assert.Empty(DepartmentDetector.Detect("Appel à projets à Paris, inscrit au registre national des entreprises.", Paris));
    }

    [Fact]
    public void A_cpam_call_concerns_its_department()
    {
        var cpam = FunderClassifier.Classify(null, "CPAM du Finistère <appels@example.org>", "t", "t");

        Assert.Equal(["29"], DepartmentDetector.Detect("Appel à projets prévention.", cpam));
    }

    [Fact]
    public void Structure_kinds_come_from_the_eligibility_section_when_there_is_one()
    {
        var kinds = StructureKindDetector.Detect(
            "L'Hôpital Fondation Rothschild co-organise le challenge.",
            "Collectivité ou institution - EPCI\nAssociation - Fondation");

        Assert.Equal(["ASSOCIATION", "COLLECTIVITE"], kinds);
    }

    [Fact]
    public void Structure_kinds_come_from_sentences_saying_who_may_apply()
    {
        var kinds = StructureKindDetector.Detect(
            "Un partenariat avec le centre hospitalier est prévu. L'appel s'adresse aux maisons de santé pluriprofessionnelles, " +
            "aux équipes de soins primaires, aux CPTS et aux centres de santé.");

        Assert.Equal(["MSP", "ESP", "CDS", "CPTS"], kinds);
    }
}
