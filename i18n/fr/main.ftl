## floss-registry — textes de l'interface, en français (langue de référence).
## Chaque message existe aussi dans i18n/en/main.ftl (un test le vérifie).

site-name = Registre des logiciels libres respectueux de la vie privée
site-description = Un catalogue public de logiciels libres évalués critère par critère au regard de la protection des données dès la conception, preuves à l'appui.
skip-to-content = Aller au contenu
switch-language = Lire cette page en
nav-label = Navigation principale
nav-search = Rechercher
nav-criteria = Critères et méthode
nav-observatory = Observatoire
nav-decisions = Décisions
nav-submit = Proposer un logiciel
footer-nav-label = Liens utiles
footer-about = À propos
footer-privacy = Vie privée sur ce site
footer-review = Relecture
footer-api = API ouverte
footer-feed = Flux Atom des nouveautés
footer-independent = Projet indépendant, inspiré du dialogue entre la CNIL et la société civile sur les logiciels libres. Ce site n'est pas un service de la CNIL.
footer-licence = Données sous licence CC BY-SA 4.0 · code sous licence AGPL-3.0 ou ultérieure · aucun cookie, aucun pisteur.
feed-title = Nouveautés du registre des logiciels libres
feed-entry-title = { $name } (note { $grade })

search-label = Rechercher un logiciel ou un service à remplacer
search-button = Rechercher
percent = { $n } %
yes = oui
no = non

## Mois, pour écrire les dates
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Notes et statuts
grade-prefix = Note
grade-label = Note { $grade }
status-met = Respecté
status-partial = Partiellement respecté
status-not-met = Non respecté
status-not-applicable = Sans objet
status-unknown = Non établi
criterion-not-concerned = Non concerné
level-required = Critère obligatoire
level-recommended = Critère recommandé
review-community = Évaluation communautaire
review-submitted = Soumis à relecture
review-validated = Validé
review-changes-requested = Modifications demandées
review-rejected = Refusé
review-expired = Validation expirée
review-explain-community = cette fiche a été rédigée par la communauté à partir de sources publiques ; elle n'a pas encore été relue par l'autorité.
review-explain-submitted = cette fiche attend la décision d'un relecteur.
review-explain-validated = un relecteur a vérifié chaque critère au regard des preuves citées.
review-explain-changes-requested = un relecteur a demandé des corrections avant de se prononcer.
review-explain-rejected = un relecteur a refusé cette fiche ; ses raisons sont publiées ci-dessous.
review-explain-expired = la validation est arrivée à échéance ; la fiche attend une nouvelle relecture.

## Plateformes et types de logiciels
platform-android = Android
platform-ios = iOS
platform-linux = Linux
platform-macos = macOS
platform-windows = Windows
platform-bsd = BSD
platform-web = Navigateur web
platform-firefox = Extension Firefox
platform-chromium = Extension Chromium
platform-safari = Extension Safari
kind-desktop = Application pour ordinateur
kind-mobile = Application mobile
kind-web = Application web
kind-server = Serveur
kind-browser-extension = Extension de navigateur
kind-cli = Outil en ligne de commande
applies-all = tous les logiciels
machine-yes = oui
machine-partly = en partie
machine-no = non

## Axes des critères
axis-openness = Ouverture
axis-minimisation = Minimisation des données
axis-security = Sécurité
axis-control = Maîtrise par l'utilisateur
axis-transparency = Transparence

## Accueil
home-title = Trouver un logiciel libre qui respecte vos données
home-heading = Des logiciels libres qui respectent vos données
home-lead = Chaque logiciel est évalué critère par critère — chiffrement, collecte de données, pisteurs, hébergement — et chaque affirmation renvoie à sa preuve.
home-search-label = Que cherchez-vous ?
home-search-hint = Un nom de logiciel, un usage ou un service à quitter. Par exemple :
home-example-1 = alternative à WhatsApp
home-example-2 = visioconférence
home-example-3 = gestionnaire de mots de passe
home-replace-heading = Remplacer un service
home-replace-lead = Choisissez le service que vous utilisez aujourd'hui : nous vous montrons les logiciels libres qui le remplacent, les mieux notés d'abord.
home-more-services = Voir les autres services
home-categories-heading = Parcourir par catégorie
home-trust-heading = Pourquoi nous faire confiance
home-figure-entries = logiciels évalués
home-figure-criteria = critères publiés
home-figure-validated = fiches validées par un relecteur
home-trust-text = Les critères, leurs sources et la formule de la note sont publics. Une évaluation communautaire est signalée comme telle ; ce qui n'a pas pu être établi est indiqué « non établi » et ne compte jamais comme respecté.
home-trust-link-criteria = Lire les critères et la méthode
home-trust-link-observatory = Voir l'observatoire
alternatives-count = { $n ->
    [0] aucune alternative
    [one] { $n } alternative
   *[other] { $n } alternatives
}
entries-count = { $n ->
    [0] aucun logiciel
    [one] { $n } logiciel
   *[other] { $n } logiciels
}

## Recherche
search-title = Tous les logiciels
search-title-query = Résultats pour « { $query } »
search-error-title = Cette recherche n'a pas pu être comprise
search-results-count = { $n ->
    [0] Aucun résultat
    [one] { $n } résultat
   *[other] { $n } résultats
}
search-range = Résultats { $first } à { $last } sur { $total }
search-go-to-filters = Affiner avec les filtres
search-service-match = Vous cherchez à remplacer { $service } ? Voir toutes les alternatives à { $service }, classées par note
search-active-filters = Filtres appliqués
search-remove-filter = Retirer le filtre « { $filter } »
search-clear-filters = Retirer tous les filtres
search-past-end = Cette page de résultats n'existe pas.
search-first-page = Revenir à la première page
search-nothing = Aucun logiciel ne correspond à cette recherche.
search-did-you-mean = Vouliez-vous dire
search-nothing-remove-filters = Relancer la recherche sans les filtres
search-nothing-fewer-words = Essayez avec moins de mots, un synonyme, ou le nom du service que vous voulez quitter (« remplacer Zoom »).
search-nothing-browse = Parcourir tous les logiciels
search-nothing-services = Les services que l'on cherche le plus souvent à remplacer
sort-label = Trier par
sort-relevance = Pertinence
sort-grade = Note, la meilleure d'abord
sort-name = Nom
sort-updated = Mise à jour la plus récente
filters-heading = Filtres
filters-hint = Les filtres de catégories différentes se cumulent ; dans une même catégorie, il suffit d'en remplir un (sauf pour les critères, qui doivent tous être respectés).
filters-apply = Appliquer les filtres
facet-category = Catégorie
facet-platform = Plateforme
facet-grade = Note
facet-status = Relecture
facet-criterion = Critères respectés
facet-license = Licence
pagination-label = Pages de résultats
pagination-prev = Page précédente
pagination-next = Page suivante
pagination-page = Page

## Fiche d'un logiciel
entry-facts = En bref
entry-license = Licence
entry-kinds = Type
entry-platforms = Plateformes
entry-categories = Catégories
entry-replaces = Remplace
entry-replaces-none = aucun service propriétaire répertorié
entry-self-hostable = Auto-hébergeable
entry-homepage = Site officiel
entry-repository = Code source
entry-added = Ajouté au registre le
entry-updated = Mis à jour le
entry-description = De quoi s'agit-il ?
entry-grade-heading = Comment la note est calculée
entry-grade-formula-link = La formule complète de la note
entry-assessment-heading = L'évaluation critère par critère
entry-assessment-lead = Seuls les critères qui s'appliquent à ce type de logiciel sont listés. Les critères obligatoires apparaissent en premier dans chaque axe.
entry-assessed-on = établi le
entry-evidence = Preuves :
entry-review-heading = Relecture
entry-review-by = Relecteur ou relectrice
entry-review-date = Date de la décision
entry-review-expires = Validation valable jusqu'au
entry-review-no-history = Aucune étape de relecture n'a encore eu lieu pour cette fiche.
entry-review-history = Historique
entry-actions-heading = Contribuer
entry-report = Signaler une erreur ou proposer une modification
entry-other-alternatives = Autres alternatives à
entry-badge-heading = Badge pour le projet
entry-badge-text = Les mainteneurs peuvent afficher ce badge dans leur README ; il suit la note publiée ici.
entry-api-link = Cette fiche en JSON (API)
grade-explain-failed = Note E : au moins un critère obligatoire n'est pas respecté.
grade-explain-capped = Note { $grade } : certains critères obligatoires ne sont pas encore établis ou seulement partiellement respectés ; tant que c'est le cas, la note ne peut pas dépasser C.
grade-explain-score = Note { $grade } : tous les critères obligatoires sont respectés ; la note vient du score des critères recommandés.
grade-score = Score des critères recommandés : { $score } sur 100 (80 et plus : A ; 60 : B ; 40 : C ; en dessous : D).
grade-counts = { $met } respectés et { $partial } partiellement respectés sur { $total } critères recommandés (un critère partiel compte pour moitié).
grade-gates-failed = Critères obligatoires non respectés :
grade-gates-unsettled = Critères obligatoires non établis ou partiels :
grade-unknown = { $n ->
    [0] Aucun critère non établi.
    [one] { $n } critère n'a pas encore pu être établi ; il compte comme non respecté.
   *[other] { $n } critères n'ont pas encore pu être établis ; ils comptent comme non respectés.
}
grade-not-applicable = { $n ->
    [0] Aucun critère sans objet.
    [one] { $n } critère est sans objet pour ce logiciel et sort du calcul.
   *[other] { $n } critères sont sans objet pour ce logiciel et sortent du calcul.
}
badge-alt = Note { $grade } au registre des logiciels libres
badge-title = floss-registry : note { $grade } ({ $review })
badge-unlisted = floss-registry : logiciel non répertorié

## Alternatives à un service
alternatives-title = Alternatives libres à { $service }
alternatives-intro = { $n ->
    [0] Aucun logiciel du registre ne remplace encore ce service.
    [one] Un logiciel libre du registre remplace ce service.
   *[other] { $n } logiciels libres du registre remplacent ce service, classés par note puis par score.
}
alternatives-vendor = Service propriétaire édité par { $vendor }.
alternatives-none = Vous pouvez chercher dans la même catégorie.
alternatives-search-category = Voir tous les logiciels de cette catégorie
alternatives-col-met = Critères respectés
alternatives-col-e2ee = Chiffrement de bout en bout
alternatives-col-self-hostable = Auto-hébergeable
alternatives-col-license = Licence
alternatives-col-platforms = Plateformes
alternatives-col-review = Relecture
alternatives-met = { $met } sur { $total }
alternatives-compare-this = Ajouter { $name } à la comparaison
alternatives-compare-hint = Cochez de 2 à 4 logiciels puis comparez-les critère par critère.
alternatives-compare-button = Comparer la sélection
alternatives-related = Services proches

## Comparaison
compare-title-with = Comparaison : { $names }
compare-error-title = Comparaison impossible
compare-error-count = Choisissez de { $min } à { $max } logiciels à comparer ; { $n ->
    [0] aucun n'a été choisi.
    [one] un seul a été choisi.
   *[other] { $n } ont été choisis.
}
compare-error-unknown = Aucun logiciel du registre ne porte l'identifiant « { $slug } ».
compare-error-pick = Chercher des logiciels à comparer
compare-differences = { $n ->
    [0] Aucune différence entre ces logiciels sur les critères.
    [one] Ces logiciels diffèrent sur { $n } critère.
   *[other] Ces logiciels diffèrent sur { $n } critères.
}
compare-only-diff = N'afficher que les différences
compare-show-all = Afficher tous les critères
compare-legend = Les lignes où les logiciels diffèrent portent la mention « différent » et un fond coloré.
compare-caption = Comparaison critère par critère
compare-col-criterion = Critère
compare-remove = Retirer
compare-general = Informations générales
compare-row-grade = Note
compare-row-score = Score
compare-row-review = Relecture
compare-differs = différent

## Critères et méthode
criteria-title = Critères et méthode
criteria-intro = { $total } critères de protection des données dès la conception, dont { $required } obligatoires, regroupés en cinq axes. Chacun dit ce qui est demandé, pourquoi, quelle preuve est attendue et sur quelles sources il s'appuie.
criteria-toc = Sommaire
criteria-formula-heading = La formule de la note
criteria-formula-1 = Seuls comptent les critères qui s'appliquent au type de logiciel ; ceux qui sont sans objet sont mis de côté.
criteria-formula-2 = Les critères obligatoires sont des seuils : un seul non respecté donne la note E ; un seul non établi ou partiellement respecté plafonne la note à C.
criteria-formula-3 = Les critères recommandés font le score : respecté vaut 1 point, partiellement respecté ½ point, non respecté ou non établi 0. Le score est le total des points divisé par le nombre de critères recommandés, sur 100.
criteria-formula-4 = Un score de 80 ou plus donne A, de 60 ou plus B, de 40 ou plus C, sinon D ; puis s'applique le plafond de l'étape 2.
criteria-formula-unknown = « Non établi » ne compte jamais comme respecté : une lacune d'information ne peut pas améliorer une note.
criteria-formula-evidence = Un critère déclaré respecté ou partiellement respecté doit citer au moins une preuve publique (documentation, code source, audit) lorsque le critère l'exige.
criteria-applies-to = S'applique à :
criteria-machine = Vérifiable automatiquement :
criteria-evidence-required = Preuve exigée :
criteria-why = Pourquoi ce critère
criteria-evidence = Quelle preuve apporter
criteria-sources = Sources

## Observatoire
obs-title = Observatoire
obs-lead = Le registre en chiffres : ce que respectent les logiciels évalués, comment se répartissent les notes, les catégories et l'état de la relecture. Les graphiques sont accompagnés de leurs données.
obs-figure-entries = logiciels évalués
obs-figure-good = notés A ou B
obs-figure-mean = score moyen des critères recommandés, sur 100
obs-figure-unknown = des évaluations encore « non établi »
obs-figure-services = services propriétaires pour lesquels une alternative est proposée
obs-criteria-heading = Part des logiciels qui respectent chaque critère
obs-criteria-desc = Pour chaque critère, la part des logiciels concernés qui le respectent, du plus au moins respecté. La part partiellement respectée est ajoutée à la suite.
obs-criteria-intro = Parmi les logiciels auxquels le critère s'applique (hors « sans objet »).
obs-grades-heading = Répartition des notes
obs-grades-desc = Nombre de logiciels par note, de A à E.
obs-grades-intro = La note résume les critères obligatoires et le score des critères recommandés.
obs-categories-heading = Logiciels par catégorie
obs-categories-desc = Nombre de logiciels dans chaque catégorie, de la plus fournie à la moins fournie. Un logiciel peut appartenir à plusieurs catégories.
obs-categories-intro = Un logiciel peut figurer dans plusieurs catégories.
obs-review-heading = État de la relecture
obs-review-desc = Nombre de fiches selon leur état de relecture.
obs-review-intro = Tant que le circuit de relecture n'est pas ouvert, toutes les fiches sont des évaluations communautaires.
obs-col-criterion = Critère
obs-col-assessed = Logiciels concernés
obs-col-share-met = Part respectée
obs-col-grade = Note
obs-col-entries = Logiciels
obs-col-share = Part
obs-col-category = Catégorie
obs-col-review = État
obs-data-table = Voir les données du graphique
obs-data-region = Données du graphique : { $chart }
obs-note = Chiffres calculés à partir de la version publiée du registre, à chaque mise à jour des données.

## Décisions
decisions-title = Décisions de relecture
decisions-lead = Chaque décision des relecteurs — validation, demande de modifications, refus — est publiée ici avec ses raisons.
decisions-empty-heading = Aucune décision pour l'instant
decisions-empty-workflow = Le circuit de relecture par l'autorité est en préparation : tant qu'il n'est pas ouvert, aucune fiche n'est validée et ce journal reste vide.
decisions-empty-community = { $n ->
    [0] Aucune fiche n'est en évaluation communautaire.
    [one] La seule fiche du registre est une évaluation communautaire, rédigée à partir de sources publiques.
   *[other] Les { $n } fiches du registre sont des évaluations communautaires, rédigées à partir de sources publiques et signalées comme telles.
}
decisions-empty-review-link = Comment la relecture fonctionnera

## Proposer un logiciel
submit-title = Proposer un logiciel ou une correction
submit-planned = Le formulaire de proposition en ligne est prévu mais n'existe pas encore. En attendant, les propositions se font par une demande de fusion (pull request) sur le dépôt des données, comme décrit ci-dessous.
submit-report-heading = Signaler une erreur sur la fiche { $name }
submit-report-text = Pour corriger cette fiche, modifiez son fichier dans le dépôt des données et ouvrez une demande de fusion en expliquant la correction et en citant vos sources. Le fichier concerné est
submit-report-back = Revenir à la fiche { $name }
submit-today-heading = Comment proposer aujourd'hui
submit-today-lead = Une fiche est un fichier texte (TOML) dans le dépôt git des données. Le guide de contribution (fichier CONTRIBUTING.md du projet) détaille chaque étape.
submit-step-1 = Créez une copie (fork) du dépôt des données.
submit-step-2 = Ajoutez un fichier entries/<identifiant>.toml. Le format est décrit dans le README du dépôt des données ; votre éditeur peut compléter les champs grâce au schéma JSON :
submit-step-3 = Évaluez honnêtement chaque critère qui s'applique, avec une preuve publique pour chaque critère respecté ; indiquez « unknown » (non établi) quand vous ne savez pas.
submit-step-4 = Vérifiez votre fichier avant de l'envoyer ; le validateur indique chaque problème avec sa ligne et une piste de correction :
submit-step-5 = Ouvrez une demande de fusion : l'intégration continue relance le validateur et affiche son verdict.
submit-step-6 = La fiche est publiée comme évaluation communautaire une fois fusionnée ; la relecture par l'autorité viendra ensuite.
submit-contributing = Le guide de contribution explique aussi les suites possibles d'une proposition, la durée de validité d'une validation et la façon de signaler une erreur.
submit-honest-heading = Ce que nous attendons d'une évaluation
submit-honest-1 = Chaque affirmation renvoie à une source publique que tout le monde peut consulter.
submit-honest-2 = Dans le doute, « non établi » : cela ne compte jamais comme respecté, mais cela ne trompe personne.
submit-honest-3 = Les mainteneurs d'un projet peuvent proposer leur propre fiche ; ils le signalent dans la demande de fusion.
submit-criteria-link = Lire les critères et la preuve attendue pour chacun

## Relecture
review-title = Relecture par l'autorité
review-planned = L'espace des relecteurs est prévu mais n'existe pas encore : aucune connexion n'est possible aujourd'hui et aucune fiche n'a été validée.
review-how-heading = Comment la relecture fonctionnera
review-how-1 = Les relecteurs de l'autorité traitent une file de propositions et vérifient chaque critère au regard de ses preuves.
review-how-2 = Une fiche est validée, renvoyée pour modifications ou refusée, toujours avec des raisons écrites.
review-how-3 = Chaque décision est publiée dans le journal des décisions et dans l'historique de la fiche.
review-how-4 = Une validation a une durée limitée : à son échéance, la fiche revient dans la file.
review-today-heading = Et aujourd'hui ?
review-today = Toutes les fiches sont des évaluations communautaires, signalées comme telles sur chaque page. Les corrections passent par des demandes de fusion sur le dépôt des données.
review-decisions-link = Le journal des décisions
review-submit-link = Proposer un logiciel ou une correction

## Vie privée sur ce site
privacy-title = Vie privée sur ce site
privacy-lead = Ce site applique à ses visiteurs ce qu'il demande aux logiciels qu'il évalue : il ne collecte que ce qui est nécessaire pour vous répondre, et rien d'autre.
privacy-cookies-heading = Aucun cookie
privacy-cookies = Le site ne dépose aucun cookie et n'utilise aucun stockage dans votre navigateur. Il n'y a pas de compte visiteur, pas de mesure d'audience, pas de bannière de consentement : il n'y a rien à accepter.
privacy-third-party-heading = Aucune requête vers un autre site
privacy-third-party = Les styles, l'icône et les graphiques sont servis par ce serveur lui-même. Aucune police web, aucun réseau de diffusion de contenu, aucun bouton de réseau social, aucun service d'un tiers n'est chargé. Les pages fonctionnent entièrement sans JavaScript.
privacy-links = Quand vous suivez un lien vers le site d'un logiciel, ce site voit votre visite ; grâce à la politique « no-referrer », il n'apprend pas que vous venez d'ici.
privacy-logs-heading = Ce que le serveur garde
privacy-logs = Pour chaque requête, le serveur note la méthode, le modèle de l'adresse (par exemple /fr/entries/{"{"}slug{"}"}, sans l'identifiant de la fiche ni les paramètres), le code de réponse et la durée de traitement. Il ne note ni votre adresse IP, ni votre recherche, ni votre navigateur.
privacy-search = Les mots que vous cherchez servent uniquement à calculer la réponse, en mémoire ; ils ne sont ni enregistrés ni transmis.
privacy-operator = Si l'organisme qui héberge cette instance place un serveur intermédiaire devant elle, ce serveur peut tenir ses propres journaux : sa politique de confidentialité s'applique alors à ceux-ci.
privacy-js-heading = Pas de JavaScript nécessaire
privacy-js = Recherche, filtres, tri, comparaison et changement de langue fonctionnent avec de simples liens et formulaires. Aucun script n'est requis pour utiliser le site.
privacy-headers-heading = Les en-têtes de sécurité envoyés avec chaque page
privacy-headers = Ces en-têtes demandent à votre navigateur de n'exécuter que ce qui vient de ce site, de ne transmettre l'adresse de la page à personne et de refuser l'accès à la caméra, au micro et à la position.
privacy-rights-heading = Vos droits
privacy-rights = Comme le site ne conserve aucune donnée vous concernant, il n'y a rien à consulter, rectifier ou effacer. Pour toute question, adressez-vous à l'organisme qui exploite cette instance.

## À propos
about-title = À propos du registre
about-lead = Un catalogue public de logiciels libres, chacun évalué au regard de la protection des données dès la conception et par défaut, preuves à l'appui.
about-why-heading = Pourquoi ce registre
about-why = La communauté du logiciel libre a demandé que soient reconnus et promus les outils qui protègent les données dès leur conception ; des associations ont demandé que les décisions d'évaluation soient publiques et motivées. Ce registre répond aux deux : des critères publiés, des preuves vérifiables, des décisions expliquées.
about-independent = Ce registre est un projet indépendant : il n'est ni édité ni approuvé par la CNIL.
about-how-heading = Comment il est construit
about-how = { $n ->
    [one] Le registre compte { $n } fiche, rédigée dans un dépôt git public où chaque modification est une demande de fusion vérifiée par un validateur.
   *[other] Le registre compte { $n } fiches, rédigées dans un dépôt git public où chaque modification est une demande de fusion vérifiée par un validateur.
}
about-criteria-link = Les critères et la formule de la note
about-data-heading = Données ouvertes
about-data = Toutes les données sont réutilisables sous licence CC BY-SA 4.0, par l'API ou en téléchargement.
about-api-link = Documentation de l'API
about-export-json = Tout le registre en JSON
about-export-csv = Tout le registre en CSV
about-data-commit = Version des données publiée :
about-code-heading = Code source
about-code = Le code du registre est un logiciel libre sous licence AGPL-3.0 ou ultérieure.

## Erreurs
error-404-title = Page introuvable
error-404-message = Il n'y a rien à cette adresse. Le lien est peut-être ancien ou mal recopié.
error-400-message = La demande contient une valeur que le site ne sait pas traiter. Voici ce qui ne va pas :
error-500-title = Erreur du serveur
error-500-message = Quelque chose s'est mal passé de notre côté. Le problème a été enregistré ; vous pouvez réessayer dans un instant.
error-detail = Détail :
error-next = Que faire maintenant ?
error-link-home = Revenir à l'accueil
error-link-search = Chercher un logiciel
error-did-you-mean = Vouliez-vous dire { $name } ?
error-code = Code d'erreur :
