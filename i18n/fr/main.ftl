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
nav-account = Connexion / compte
footer-nav-label = Liens utiles
footer-about = À propos
footer-privacy = Vie privée sur ce site
footer-review = Relecture
footer-api = API ouverte
footer-feed = Flux Atom des nouveautés
footer-independent = Projet indépendant, inspiré du dialogue entre la CNIL et la société civile sur les logiciels libres. Ce site n'est pas un service de la CNIL.
footer-licence = Données sous licence CC BY-SA 4.0 · code sous licence AGPL-3.0 ou ultérieure · aucun cookie, aucun pisteur.
feed-title = Nouveautés du registre des logiciels libres
feed-entry-title = { $name } (note { $grade } ; { $confidence })

search-label = Rechercher un logiciel ou un service à remplacer
search-button = Rechercher
percent = { $n } %
yes = oui
no = non
colon = {"\u00A0"}:{" "}
date-time = { $date }, { $time } UTC

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
obs-grades-intro = La note résume les critères obligatoires et le score des critères recommandés. Le tableau compte aussi les notes provisoires, qui reposent sur trop peu de critères établis.
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
decisions-lead = Chaque décision d'un relecteur — validation, demande de modifications, rejet — est publiée ici avec ses motifs, le nom du relecteur et son avis sur chaque critère vérifié.
decisions-workflow-heading = Décisions du circuit de relecture
decisions-unavailable = La liste des décisions ne peut pas être lue pour le moment (la base de données est indisponible). Les fiches et l'historique de relecture ci-dessous restent à jour ; réessayez dans un instant.
decisions-empty-heading = Aucune décision n'a encore été prise.
decisions-empty-workflow = Quand un relecteur valide une fiche, demande des modifications ou la rejette, la décision et ses motifs apparaissent ici.
decisions-empty-community = { $n ->
    [0] Aucune fiche n'est une évaluation communautaire.
    [one] La seule fiche du registre est une évaluation communautaire, rédigée à partir de sources publiques.
   *[other] Les { $n } fiches du registre sont des évaluations communautaires, rédigées à partir de sources publiques et signalées comme telles.
}
decisions-empty-submit-link = Proposer un logiciel à la relecture
decisions-recorded-heading = Historique de relecture inscrit dans les fiches
decisions-recorded-lead = Les étapes de relecture écrites dans les fichiers du dépôt de données, y compris celles antérieures au circuit en ligne.
decision-approve = Validée
decision-request-changes = Modifications demandées
decision-reject = Rejetée
decision-by = par
decision-merge = commit de fusion
decision-verdicts = { $n ->
    [one] Avis sur { $n } critère
   *[other] Avis sur { $n } critères
}

## Connexion
login-title = Connexion
login-lead = Se connecter n'est utile que pour proposer un logiciel ou une correction, et pour les relecteurs de l'autorité. Consulter le registre ne demande aucun compte.
login-with = Se connecter avec { $provider }
login-not-configured = La connexion n'est pas configurée sur cette instance.
login-not-configured-detail = Personne ne peut se connecter ici : l'organisme qui exploite cette instance n'a pas configuré de fournisseur d'identité. Vous pouvez tout consulter, ou proposer une modification par une demande de fusion sur le dépôt de données.
login-stored-heading = Ce qu'un compte conserve
login-stored = Le registre conserve l'identifiant que vous donne votre fournisseur, votre nom d'affichage et, si le fournisseur la transmet, votre adresse électronique (uniquement pour reconnaître les relecteurs de l'autorité), ainsi qu'une session qui prend fin au bout de { $hours } heures. Vous pouvez tout télécharger ou supprimer votre compte à tout moment depuis votre page de compte.
login-privacy-link = Le détail sur la page vie privée
login-why-heading = Pourquoi se connecter ?
login-why = Vos propositions, les commentaires des relecteurs et leurs décisions sont rattachés à votre compte, pour que vous puissiez les suivre et y répondre. Votre nom est visible des relecteurs ; publiquement, les propositions portent un pseudonyme.

## Proposer
submit-title = Proposer une entrée
submit-lead = Décrivez le logiciel et évaluez-le au regard de chaque critère qui s'applique, preuves publiques à l'appui. Le validateur vérifie la fiche à l'envoi ; un relecteur de l'autorité décide ensuite.
submit-change-heading = Proposer une modification de { $name }
submit-change-lead = Le formulaire reprend la fiche telle qu'elle est publiée. Corrigez ce qui est inexact, citez vos sources et envoyez : la modification part en relecture comme une nouvelle entrée.
submit-send = Envoyer la proposition
submit-report-back = Revenir à la fiche { $name }
submit-git-alternative = Vous pouvez aussi proposer une entrée ou une modification par une demande de fusion sur le dépôt de données (voir le fichier CONTRIBUTING.md du projet) : le même validateur la vérifie.
submit-honest-heading = Ce que nous attendons d'une évaluation
submit-honest-1 = Chaque affirmation renvoie vers une source publique que chacun peut vérifier.
submit-honest-2 = Dans le doute, « non établi » : cela ne compte jamais comme respecté, mais cela ne trompe personne.
submit-honest-3 = Les mainteneurs d'un projet peuvent proposer leur propre fiche ; les relecteurs savent qui l'a proposée.
submit-criteria-link = Lire les critères et les preuves attendues pour chacun
edit-heading = Mettre à jour la proposition n° { $id }
edit-lead = Modifiez ce que les relecteurs ont demandé, puis envoyez : la nouvelle version remplace la précédente et repart en relecture.
edit-send = Envoyer la nouvelle version
edit-only-author = Seul l'auteur d'une proposition peut la mettre à jour.
form-title-with-errors = Erreur : { $title }
form-errors-heading = Il y a un problème
form-error-prefix = Erreur :
form-required = obligatoire
form-line = ligne { $n }
form-stale-token = Le jeton de sécurité du formulaire a expiré (vous vous êtes peut-être reconnecté entre-temps). Rien n'a été enregistré ; vérifiez votre saisie et envoyez-la de nouveau.
form-unavailable = Le registre ne peut pas enregistrer cela pour le moment (sa base de données ou son dépôt de données est indisponible). Rien de ce que vous avez saisi n'est perdu : tout est ci-dessous ; renvoyez-le dans un instant.
form-your-submissions = Vos propositions
form-raw-text = Le texte de la proposition tel qu'il a été enregistré
form-section-identity = Le logiciel
form-section-texts = Description
form-section-assessment = Auto-évaluation, critère par critère
form-assessment-lead = Pour chaque critère, indiquez le statut que vous pouvez démontrer, les preuves publiques (une adresse par ligne) et, si c'est utile, une note. Laissez « Non établi » si vous ne savez pas. Seuls les critères qui s'appliquent aux types cochés plus haut sont conservés.
form-slug = Identifiant
form-slug-hint = Lettres minuscules, chiffres et tirets, par exemple mon-logiciel. Il devient l'adresse de la fiche et ne pourra plus changer.
form-slug-hint-change = L'identifiant de la fiche modifiée ; il ne peut pas changer.
form-name = Nom
form-url-hint = Une adresse complète commençant par https://
form-license-hint = Une expression de licence SPDX, par exemple AGPL-3.0-only ou MIT OR Apache-2.0
form-kinds-hint = Cochez tous les types qui conviennent : les critères en dépendent.
form-categories-hint = Une à cinq catégories.
form-replaces-hint = Identifiants des services propriétaires que ce logiciel remplace, séparés par des virgules, par exemple whatsapp, zoom.
form-services-known = Identifiants des services connus
form-self-hostable = Auto-hébergeable
form-self-hostable-hint = Cochez si une personne ou un organisme peut faire fonctionner tout le service par ses propres moyens.
form-summary-fr = Résumé en français
form-summary-en = Résumé en anglais
form-summary-hint = Une phrase qui dit à quoi sert le logiciel.
form-description-fr = Description en français
form-description-en = Description en anglais
form-description-hint = Quelques paragraphes ; le format Markdown est accepté.
form-status = Statut
form-evidence = Preuves
form-evidence-hint = Adresses publiques, une par ligne.
form-evidence-hint-required = Adresses publiques, une par ligne ; obligatoires quand le critère est respecté ou partiellement respecté.
form-note-fr = Note en français
form-note-en = Note en anglais
form-criterion-link = Ce que demande ce critère
form-criterion-not-applicable = { $kinds } (ne s'applique pas aux types cochés)

## Propositions
submission-title = Proposition n° { $id }
submission-kind-new = Nouvelle entrée
submission-kind-change = Modification d'une fiche
state-pending-git = En attente du dépôt
state-open = En attente de relecture
state-changes-requested = Modifications demandées
state-approved = Validée
state-rejected = Rejetée
state-withdrawn = Retirée
state-explain-pending-git = La proposition est enregistrée ; elle sera écrite dans le dépôt de données dès qu'il sera disponible, puis partira en relecture.
state-explain-open = Un relecteur de l'autorité va la vérifier critère par critère.
state-explain-changes-requested = Un relecteur a demandé des modifications : lisez ses motifs ci-dessous, puis mettez la proposition à jour.
state-explain-approved = La fiche a été validée et publiée.
state-explain-rejected = Un relecteur a rejeté la proposition ; les motifs figurent ci-dessous et dans la liste publique des décisions.
state-explain-withdrawn = L'auteur a retiré la proposition.
submission-facts = En bref
submission-entry = Fiche
submission-kind = Nature
submission-state = État
submission-author = Auteur (pseudonyme)
submission-created = Proposée le
submission-updated = Dernière modification
submission-branch = Branche dans le dépôt de données
submission-edit = Mettre à jour la proposition
submission-withdraw = Retirer la proposition
submission-validator = Ce que dit le validateur
submission-validator-clean = Le validateur n'a relevé aucun problème.
submission-validator-counts = { $errors ->
    [0] Aucune erreur
    [one] { $errors } erreur
   *[other] { $errors } erreurs
} et { $warnings ->
    [0] aucun avertissement.
    [one] { $warnings } avertissement.
   *[other] { $warnings } avertissements.
}
diagnostic-error = Erreur
diagnostic-warning = Avertissement
submission-diff = Modifications par rapport à la fiche publiée
submission-diff-legend = Les lignes commençant par + sont ajoutées, celles commençant par - sont supprimées.
submission-diff-no-branch = La proposition n'est pas encore dans le dépôt de données ; voici son texte.
submission-diff-empty = La branche de la proposition ne change rien par rapport aux données publiées (elle a peut-être déjà été fusionnée) ; voici son texte.
submission-diff-unavailable = Les modifications ne peuvent pas être calculées pour le moment (le dépôt de données est indisponible) ; voici le texte proposé.
submission-text = Texte proposé
submission-decisions = Décisions
submission-no-decision = Pas encore de décision.
submission-comments = Commentaires
submission-no-comment = Pas encore de commentaire.
submission-comment-by-author = auteur
submission-comment-by-reviewer = relecteur
submission-comment-label = Votre commentaire
submission-comment-hint = Visible seulement de l'auteur et des relecteurs ; { $max } caractères au plus.
submission-comment-send = Publier le commentaire
submission-review = Relecture
submission-four-eyes = Vous avez proposé cette fiche : un autre relecteur doit statuer (règle des quatre yeux). Vous pouvez toujours commenter.
submission-waits-for-git = La proposition n'est pas encore dans le dépôt de données : elle pourra être relue une fois qu'elle y sera écrite.

## Relecture
review-title = File de revue
review-lead = Les propositions en attente d'un relecteur, des plus anciennes aux plus récentes. Ouvrez-en une pour voir l'avis du validateur et les modifications, vérifier chaque critère et décider.
review-filter-state = État
review-filter-state-default = En attente de relecture (et en attente du dépôt)
review-filter-category = Catégorie
review-filter-category-any = Toutes les catégories
review-filter-min-age = En attente depuis au moins (jours)
review-filter-apply = Filtrer
review-filter-clear = Retirer les filtres
review-filter-error = Ces filtres ne peuvent pas être appliqués
review-filter-bad-state = L'état « { $value } » n'existe pas : choisissez open, pending-git ou changes-requested.
review-filter-bad-category = Il n'existe pas de catégorie « { $value } ».
review-filter-bad-age = L'ancienneté minimale doit être un nombre entier de jours entre 0 et { $max } ; reçu « { $value } ».
review-count = { $n ->
    [0] Aucune proposition
    [one] { $n } proposition
   *[other] { $n } propositions
}
review-empty = Rien n'attend de relecture avec ces filtres.
review-caption = Propositions en attente de relecture, des plus anciennes aux plus récentes
review-col-id = Proposition
review-col-entry = Fiche
review-col-kind = Nature
review-col-state = État
review-col-age = En attente depuis
review-col-validator = Validateur
review-automated-badge = preuves automatisées
review-age-days = { $n ->
    [0] moins d'un jour
    [one] { $n } jour
   *[other] { $n } jours
}
review-errors = { $n ->
    [0] aucune erreur
    [one] { $n } erreur
   *[other] { $n } erreurs
}
review-warnings = { $n ->
    [0] aucun avertissement
    [one] { $n } avertissement
   *[other] { $n } avertissements
}
review-decisions-link = La liste publique des décisions
review-reviewers-only = La file de revue est réservée aux relecteurs de l'autorité. Si vous en êtes, demandez à un administrateur de donner le rôle de relecteur à votre compte.
review-checklist = Liste de vérification des critères
review-checklist-lead = Pour chaque critère, l'évaluation du demandeur, puis la vôtre. Choisissez un statut pour la confirmer (le même) ou la corriger ; les preuves et les notes de ce critère sont alors enregistrées avec votre avis. « Pas d'avis » laisse l'évaluation du demandeur inchangée.
review-applicant-says = Selon le demandeur :
review-verdict-status = Votre avis
review-no-verdict = Pas d'avis (garder celui du demandeur)
review-decision = Décision
review-decision-legend = Votre décision
review-decision-missing = Choisissez une décision.
review-cannot-approve = La proposition attend des modifications de son auteur : elle ne peut pas être validée en l'état.
review-reason = Motif
review-reason-hint = Obligatoire pour demander des modifications ou rejeter : le demandeur doit savoir pourquoi. Publié avec la décision.
review-reason-required = Indiquez un motif : il est obligatoire pour demander des modifications ou rejeter.
review-send = Enregistrer la décision

## Compte
account-title = Votre compte
account-lead = Connecté en tant que { $name }.
account-review-link = La file de revue
account-admin-link = Comptes et rôles
account-held-heading = Ce que le registre conserve sur vous
account-name = Nom
account-provider = Connecté avec
account-email = Adresse électronique
account-email-none = aucune
account-role = Rôle
account-role-config = attribué par la configuration de l'instance
account-pseudonym = Pseudonyme public
account-since = Compte créé le
account-email-why = Votre adresse électronique sert uniquement à reconnaître les relecteurs de l'autorité au domaine de leur adresse ; elle n'est montrée à personne.
account-pseudonym-why = Publiquement, vos propositions portent votre pseudonyme ; les relecteurs voient votre nom.
account-privacy-link = Comment vos données sont traitées
account-submissions = Vos propositions
account-submissions-none = Vous n'avez encore rien proposé.
account-submit-link = Proposer un logiciel
account-tokens-heading = Jetons d’API
account-tokens-text = Un jeton permet à un outil (l’intégration continue de votre projet, un script) d’appeler l’API du registre en votre nom, par exemple pour soumettre votre fiche : envoyez-le dans l’en-tête « Authorization: Bearer JETON ». Il n’ouvre aucune page web, ne peut ni créer d’autres jetons ni supprimer votre compte, et il expire. Gardez-le secret ; révoquez-le au moindre doute.
account-token-made = Votre nouveau jeton :
account-token-once = Copiez-le maintenant : il n’est affiché que cette fois (le registre n’en garde qu’une empreinte).
account-token-name = Nom
account-token-name-hint = Ce qui l’utilisera, par exemple « CI de mon projet ».
account-token-days = Durée de vie en jours
account-token-days-hint = De 1 à 366 jours.
account-token-created = Créé
account-token-expires = Expire
account-token-expired = expiré
account-token-last-used = Dernière utilisation
account-token-never-used = jamais
account-token-revoke = Révoquer
account-token-new-heading = Créer un jeton
account-token-make = Créer le jeton
account-data-heading = Vos données
account-export-text = Téléchargez tout ce que le registre conserve sur votre compte : le compte lui-même, vos sessions, propositions, commentaires, décisions et le journal de vos actions, dans un fichier JSON.
account-export-link = Télécharger mes données (JSON)
account-delete-heading = Supprimer mon compte
account-delete-text = Votre nom, votre adresse électronique et l'identifiant du fournisseur sont effacés et vos sessions prennent fin. Vos propositions, commentaires et décisions restent, car ils font partie de décisions publiques, sous votre pseudonyme. L'historique git du dépôt de données garde le nom que vous aviez quand vos propositions y ont été écrites.
account-delete-confirm = J'ai compris, supprimer mon compte
account-delete-confirm-missing = Cochez la case pour confirmer la suppression.
account-delete-button = Supprimer mon compte
account-logout-heading = Se déconnecter
account-logout-text = { $n ->
    [one] Votre session prend fin d'elle-même { $n } heure après la connexion.
   *[other] Votre session prend fin d'elle-même { $n } heures après la connexion.
}
account-logout-button = Se déconnecter
notice-logged-out = Vous êtes déconnecté.
notice-account-deleted = Votre compte est supprimé. Vos propositions restent sous votre pseudonyme.
role-submitter = Contributeur
role-reviewer = Relecteur
role-admin = Administrateur

## Administration
admin-title = Comptes et rôles
admin-lead = Donnez le rôle de relecteur ou d'administrateur à un compte, ou retirez-le. Chaque changement est inscrit au journal d'audit.
admin-config-note = Les rôles attribués par la configuration de l'instance (un fournisseur et un identifiant, ou un domaine d'adresse vérifiée) ne peuvent pas être retirés ici : le compte garde le plus élevé des deux.
admin-accounts = { $n ->
    [one] { $n } compte
   *[other] { $n } comptes
}
admin-caption = Comptes, avec leur rôle enregistré et celui que leur donne la configuration
admin-col-stored = Rôle enregistré
admin-col-configured = Rôle par la configuration
admin-col-change = Changer le rôle enregistré
admin-role-of = Rôle de { $name }
admin-change = Changer
admin-deleted = compte supprimé
admin-only = Cette page est réservée aux administrateurs.
admin-error = Ce changement est impossible
admin-bad-user = Le compte est absent ou n'est pas un nombre.
admin-bad-role = Le rôle doit être submitter, reviewer ou admin.
admin-deleted-account = Ce compte a été supprimé : son rôle ne peut pas changer.

## Vie privée sur ce site
privacy-title = Vie privée sur ce site
privacy-lead = Ce site applique à ses visiteurs ce qu'il demande aux logiciels qu'il évalue : il ne recueille que ce dont il a besoin pour vous répondre, et rien d'autre.
privacy-cookies-heading = Aucun cookie pour les visiteurs
privacy-cookies = Consulter le registre ne dépose aucun cookie et n'utilise aucun stockage dans votre navigateur. Il n'y a ni mesure d'audience ni bandeau de consentement : il n'y a rien à accepter. Seule une personne qui se connecte (pour proposer ou relire) reçoit les cookies décrits plus bas.
privacy-third-party-heading = Aucune requête vers un autre site
privacy-third-party = Les styles, l'icône et les graphiques sont servis par ce serveur lui-même. Aucune police web, aucun réseau de diffusion de contenu, aucun bouton de réseau social, aucun service tiers n'est chargé. Les pages fonctionnent entièrement sans JavaScript.
privacy-links = Quand vous suivez un lien vers le site d'un logiciel, ce site voit votre visite ; grâce à la politique « no-referrer », il n'apprend pas que vous venez d'ici.
privacy-logs-heading = Ce que le serveur conserve
privacy-logs = Pour chaque requête, le serveur enregistre la méthode, le modèle d'adresse (par exemple /fr/entries/{"{"}slug{"}"}, sans l'identifiant de la fiche ni les paramètres), le code de réponse et la durée de traitement. Il n'enregistre ni votre adresse IP, ni votre recherche, ni votre navigateur.
privacy-search = Les mots que vous cherchez ne servent qu'à calculer la réponse, en mémoire ; ils ne sont ni conservés ni transmis.
privacy-operator = Si l'organisme qui héberge cette instance place un serveur mandataire devant elle, ce serveur peut tenir ses propres journaux : sa politique de confidentialité s'y applique alors.
privacy-accounts-heading = Les comptes : pour qui propose ou relit
privacy-accounts = Un compte n'est nécessaire que pour proposer un logiciel ou pour relire. Quand vous vous connectez avec un fournisseur d'identité (une fédération d'identité, GitHub, GitLab, Codeberg…), le registre conserve :
privacy-accounts-identity = le nom du fournisseur et l'identifiant qu'il vous attribue (son « sujet »), pour vous reconnaître à la connexion suivante ;
privacy-accounts-name = le nom d'affichage transmis par le fournisseur, montré aux relecteurs et dans les commentaires ;
privacy-accounts-email = votre adresse électronique si le fournisseur la transmet, utilisée uniquement pour reconnaître les relecteurs de l'autorité au domaine d'une adresse vérifiée, et montrée à personne ;
privacy-accounts-sessions = { $hours ->
    [one] une session conservée sur le serveur, qui prend fin { $hours } heure après la connexion (ou à la déconnexion) puis est purgée ; votre navigateur ne garde qu'un jeton aléatoire dans un cookie HttpOnly, plus un cookie de courte durée pendant une connexion en cours ;
   *[other] une session conservée sur le serveur, qui prend fin { $hours } heures après la connexion (ou à la déconnexion) puis est purgée ; votre navigateur ne garde qu'un jeton aléatoire dans un cookie HttpOnly, plus un cookie de courte durée pendant une connexion en cours ;
}
privacy-accounts-audit = { $days ->
    [one] un journal des actions (connexion, proposition, commentaire, décision, changement de rôle), conservé { $days } jour puis supprimé par une tâche périodique ;
   *[other] un journal des actions (connexion, proposition, commentaire, décision, changement de rôle), conservé { $days } jours puis supprimé par une tâche périodique ;
}
privacy-accounts-content = vos propositions, commentaires et, pour les relecteurs, décisions : les décisions et leurs motifs sont publics, les propositions sont montrées publiquement sous un pseudonyme.
privacy-accounts-git = Une proposition est écrite dans le dépôt de données sous forme de commit git dont l'auteur est le nom d'affichage que vous aviez à ce moment, avec une adresse qui n'est pas la vôtre (une adresse « no-reply »). L'historique du dépôt est public et n'est pas réécrit.
privacy-accounts-tokens = Les jetons d’API que vous créez pour vos outils : leur nom, leurs dates de création, d’expiration et de dernière utilisation, et une empreinte (SHA-256) du jeton, jamais le jeton lui-même. Ils sont supprimés à leur expiration, quand vous les révoquez, ou avec votre compte.
privacy-accounts-rights = Depuis votre page de compte, vous pouvez télécharger tout ce que le registre conserve sur vous (un fichier JSON) et supprimer votre compte : votre nom, votre adresse électronique et l'identifiant du fournisseur sont alors effacés, vos sessions prennent fin et vos jetons d’API sont supprimés ; vos propositions, commentaires et décisions restent, attribués à votre pseudonyme.
privacy-accounts-link = Votre page de compte
privacy-js-heading = Pas besoin de JavaScript
privacy-js = La recherche, les filtres, le tri, la comparaison, le changement de langue et les formulaires de proposition fonctionnent avec de simples liens et formulaires. Aucun script n'est nécessaire pour utiliser le site.
privacy-headers-heading = Les en-têtes de sécurité envoyés avec chaque page
privacy-headers = Ces en-têtes demandent à votre navigateur de n'exécuter que ce qui vient de ce site, de ne transmettre l'adresse de la page à personne et de refuser l'accès à la caméra, au micro et à votre position.
privacy-rights-heading = Vos droits
privacy-rights = Un visiteur qui ne se connecte pas ne laisse aucune donnée le concernant : il n'y a rien à consulter, rectifier ou effacer. Une personne qui a un compte exerce ses droits depuis sa page de compte. Pour toute question, adressez-vous à l'organisme qui exploite cette instance.

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
error-403-title = Action non autorisée
error-403-message = Votre compte ne permet pas de faire cela.
error-409-title = Impossible pour le moment
error-409-message = Cela n'est pas possible dans l'état actuel de la proposition.
error-422-title = Enregistrement impossible
error-422-message = Ce qui a été envoyé ne peut pas être enregistré en l'état.
error-503-title = Temporairement indisponible
error-503-message = Le registre ne peut pas faire cela pour le moment (sa base de données ou son dépôt de données est indisponible). Réessayez dans un instant.
error-login-title = La connexion n’a pas abouti
error-login-message = Vous n’êtes pas connecté : la connexion a été annulée, a pris trop de temps, ou le fournisseur d’identité n’a pas pu la confirmer. Rien n’a été enregistré. Vous pouvez recommencer.
error-link-login = Se connecter de nouveau
error-session-ended-title = Votre session a pris fin
error-session-ended-message = Vous avez été déconnecté avant l’envoi de ce formulaire (la session a expiré, ou vous vous êtes déconnecté ailleurs). Rien de ce que vous avez saisi n’est perdu : tout est conservé sur cette page.
error-session-ended-login = Vous reconnecter (s’ouvre dans un nouvel onglet)
error-session-ended-then = Revenez ensuite sur cet onglet et envoyez de nouveau le formulaire : la page suivante l’affiche avec tout ce que vous avez saisi, pour confirmation.
error-session-ended-send = Envoyer de nouveau
error-session-ended-typed = Ce que vous avez saisi
error-workflow-404-message = Il n'y a rien à cette adresse, ou cela a été supprimé.
error-form-title = Ce formulaire n'a pas pu être lu
error-csrf = Le jeton de sécurité du formulaire est absent ou a expiré. Revenez en arrière, rechargez la page et envoyez de nouveau le formulaire.

grade-provisional = Note provisoire
grade-confidence = { $percent } % des critères établis
grade-confidence-provisional = Provisoire : { $percent } % des critères établis
grade-confidence-label = Preuves
grade-confidence-counts = { $established } critères établis sur { $counted } ({ $percent } %).
grade-provisional-explain = Cette note est provisoire : un critère obligatoire, ou plus d'un cinquième des critères recommandés, n'est pas encore établi, et les établir pourrait changer la lettre. « Non établi » veut dire que personne n'a encore vérifié : ce n'est ni mauvais ni bon.
criteria-formula-provisional = À côté de chaque note, la part de ses critères qui sont établis. Une note est provisoire tant qu'un critère obligatoire n'est pas établi, ou que plus d'un cinquième des critères recommandés ne le sont pas : les établir pourrait alors changer le score de plus de 20 points, soit une lettre entière. Les notes provisoires sont classées après les notes établies de la même lettre.
compare-row-confidence = Preuves
badge-provisional = provisoire
obs-figure-provisional = des notes provisoires (trop peu de critères établis)
obs-figure-confidence = part moyenne des critères établis
badge-title-provisional = floss-registry : note { $grade }, provisoire ({ $review })
obs-col-provisional = Dont provisoires
alternatives-error-title = Impossible d'afficher ces alternatives
alternatives-title-platform = Alternatives libres à { $service } sur { $platform }
alternatives-all-platforms = Toutes les plateformes
alternatives-platforms-label = Afficher les alternatives pour une plateforme
alternatives-none-on-platform = Aucune des { $n } alternatives libres listées ici ne fonctionne encore sur { $platform }. Choisissez « Toutes les plateformes » pour les voir.

## Historique d'une fiche (page de la fiche, flux)
history-heading = Modifications de la fiche
history-lead = Chaque modification de cette fiche, lue dans le dépôt des données, de la plus récente à la plus ancienne ; les notes sont calculées avec les critères d'aujourd'hui.
history-feed = Suivre les modifications de cette fiche (flux Atom)
history-none = Aucune modification enregistrée : les données ne sont pas conservées ici dans un dépôt git.
history-unavailable = L'historique ne peut pas être lu pour le moment ; réessayez plus tard.
history-added = Ajoutée au catalogue
history-changed = Évaluation modifiée
history-removed = Retirée du catalogue
history-grade = Note { $before } → { $after }
history-grade-now = Note : { $grade }
history-criterion = { $criterion } : { $before } → { $after }
history-not-assessed = non évalué
history-fields = Autres modifications : { $fields }
history-submission = Proposition n° { $id } (avec son diff)
history-approved-by = approuvée par { $name }
history-reason = Motif du relecteur :
history-position = Page { $page } sur { $pages }
history-newer = Modifications plus récentes
history-older = Modifications plus anciennes
feed-entry-feed-title = Modifications de { $name }
feed-category-feed-title = Modifications dans la catégorie { $name }
feed-change-title = { $name } : { $what }
history-diff = Voir la modification brute (diff)

# Preuves automatisées
evidence-heading = Preuves automatisées
evidence-lead = Ce que des machines ont observé sur ce logiciel, avec quand et où. Observé par des machines, ce n'est pas une décision : seuls les relecteurs modifient une évaluation, et une observation qui pourrait en établir ou en contredire une leur est proposée.
evidence-none = Aucune observation automatisée pour l'instant.
evidence-unavailable = Les preuves automatisées ne peuvent pas être lues pour le moment.
evidence-observed = Observé le
evidence-no-findings = Rien d'observé ne porte sur un critère.
evidence-stale = inactif
evidence-stale-explain = Aucun commit ni aucune version depuis 12 mois sur sa forge (observé par des machines).
evidence-source-forge = Forge du code source
evidence-source-website = Site web
evidence-source-apk = Paquet Android (signatures d'Exodus)
evidence-source-fdroid = F-Droid
evidence-source-awesome-selfhosted = awesome-selfhosted
evidence-source-publiccode = publiccode.yml
## L'observatoire des demandes d'exercice de droits
rights-mine-title = Mes demandes d'exercice de droits
rights-mine-lead = Signalez une demande que vous avez faite à un service au titre du RGPD (accès à vos données, rectification, effacement, portabilité, opposition) puis, plus tard, la réponse reçue. Vos signalements ne sont jamais publiés : seuls le sont des agrégats, par service et par droit, de signalements d'au moins { $k } personnes différentes.
rights-observatory-link = Voir ce que publie l'observatoire
rights-new-heading = Signaler une demande
rights-edit-heading = Modifier le signalement n° { $id }
rights-save = Enregistrer le signalement
rights-send = Enregistrer le signalement
rights-mine-heading = Mes signalements
rights-mine-none = Vous n'avez encore signalé aucune demande.
rights-col-actions = Actions
rights-hidden = masqué par un relecteur
rights-edit = Modifier ou ajouter la réponse
rights-delete = Supprimer
rights-choose = Choisir…
rights-none = Non précisé
rights-answered-on = réponse le { $date }
rights-field-service = Service
rights-field-right = Droit exercé
rights-field-sent_on = Date d'envoi
rights-field-channel = Moyen d'envoi
rights-field-outcome = Issue
rights-field-answered_on = Date de la réponse
rights-field-completeness = La réponse était
rights-field-format = Format des données reçues
rights-field-note = Remarque pour les relecteurs (jamais publiée)
rights-hint-date = Au format AAAA-MM-JJ, par exemple 2026-11-30.
rights-hint-answered_on = Seulement si l'issue est « réponse reçue » ; au format AAAA-MM-JJ.
rights-hint-format = Accès et portabilité seulement.
rights-hint-note = Facultative, 2 000 caractères au plus. Lue par les seuls relecteurs du registre ; n'y écrivez le nom ni les coordonnées de personne.
rights-right-access = Accès (art. 15)
rights-right-rectification = Rectification (art. 16)
rights-right-erasure = Effacement (art. 17)
rights-right-portability = Portabilité (art. 20)
rights-right-objection = Opposition (art. 21)
rights-channel-web-form = Formulaire en ligne
rights-channel-email = Courriel
rights-channel-post = Courrier postal
rights-channel-in-app = Dans l'application
rights-outcome-pending = En attente de réponse
rights-outcome-answered = Réponse reçue
rights-outcome-no-answer = Pas de réponse
rights-completeness-complete = Complète
rights-completeness-partial = Partielle
rights-completeness-refused = Un refus
rights-format-machine-readable = Lisible par machine (JSON, CSV, XML)
rights-format-pdf = PDF
rights-format-screenshots = Captures d'écran
rights-format-other = Autre
rights-service-heading = Vos droits auprès de { $service }
rights-figures-heading = Comment le service a répondu aux demandes
rights-threshold = Signalé par les utilisateurs du registre ; un droit n'est affiché qu'une fois qu'au moins { $k } personnes différentes ont signalé des demandes le concernant, et chaque chiffre qu'une fois qu'au moins { $k } personnes sont derrière (« — » sinon). Le mois légal est compté à partir de la date d'envoi de la demande.
rights-figures-unavailable = Ces chiffres ne peuvent pas être lus pour le moment ; réessayez dans un instant.
rights-figures-none = Pas encore assez de signalements pour publier quoi que ce soit sur ce service.
rights-col-reports = Signalements
rights-col-median = Délai médian de réponse (jours)
rights-col-within = Réponse dans le mois légal
rights-col-complete = Réponses complètes
rights-col-machine = Données lisibles par machine
rights-report-link = Signaler une demande faite à ce service
rights-help-heading = Exercer vos droits
rights-deadline = { $service } doit vous dire la suite donnée à votre demande dans les meilleurs délais et au plus tard dans un délai d'un mois à compter de sa réception (RGPD, art. 12, paragraphe 3). Ce délai peut être prolongé de deux mois pour des demandes complexes ou nombreuses, à condition de vous en informer, avec ses raisons, dans le premier mois. S'il ne donne pas suite, il doit vous en dire les raisons dans le mois, et vous pouvez saisir la CNIL.
rights-letter-lead = Choisissez un droit, puis copiez la lettre dans un message ou un formulaire du service, ou ouvrez-la dans votre propre messagerie et ajoutez l'adresse. Complétez les parties entre crochets. Le registre ne l'envoie ni ne la conserve.
rights-letter-label = La lettre (objet, puis texte)
rights-letter-mailto = L'ouvrir dans ma messagerie
rights-letter-greeting = Madame, Monsieur,
rights-letter-intro = J'utilise { $service } et je vous écris pour exercer un droit que me donne l'article { $article } du règlement général sur la protection des données (UE) 2016/679.
rights-letter-ask-access = Merci de m'indiquer si vous traitez des données personnelles me concernant et, si c'est le cas, de m'en adresser une copie accompagnée des informations suivantes : les raisons pour lesquelles vous les traitez, les catégories de données concernées, à qui elles ont été ou seront communiquées, combien de temps vous les conserverez, leur origine si elles ne viennent pas de moi, et si une décision automatisée, profilage compris, est prise à mon sujet. Comme je vous écris par voie électronique, merci de me les fournir sous une forme électronique d'usage courant.
rights-letter-ask-rectification = Les données suivantes me concernant sont inexactes ou incomplètes : [quelles données, et ce qu'elles devraient indiquer]. Merci de les corriger ou de les compléter dans les meilleurs délais et de me le confirmer.
rights-letter-ask-erasure = Merci d'effacer dans les meilleurs délais les données personnelles que vous détenez sur moi, pour la raison suivante : [par exemple : elles ne sont plus nécessaires à la finalité pour laquelle elles ont été collectées / je retire mon consentement / je m'oppose à leur traitement]. Merci d'en informer aussi les destinataires à qui vous les avez communiquées.
rights-letter-ask-portability = Merci de m'adresser les données personnelles me concernant que je vous ai fournies et que vous traitez sur la base de mon consentement ou de notre contrat, dans un format structuré, couramment utilisé et lisible par machine, par exemple JSON ou CSV. [Lorsque c'est techniquement possible, merci de les transmettre directement à : nom de l'autre service.]
rights-letter-ask-objection = Je m'oppose au traitement de mes données personnelles [à des fins de prospection, y compris le profilage qui y est lié / fondé sur vos intérêts légitimes, pour les raisons suivantes tenant à ma situation particulière : …]. Merci de cesser ce traitement et de me le confirmer.
rights-letter-identify = Pour retrouver mon compte : [vos nom et prénom, et l'adresse électronique ou l'identifiant de votre compte].
rights-letter-deadline = L'article 12, paragraphe 3, du règlement vous demande de m'informer de la suite donnée à cette demande dans les meilleurs délais et au plus tard dans un délai d'un mois à compter de sa réception. Si vous décidez de ne pas y donner suite, merci de m'en indiquer les raisons dans le même délai.
rights-letter-closing = Je vous prie d'agréer mes salutations distinguées. [Vos nom et prénom, la date]
rights-letter-subject-access = Demande d'accès (RGPD, art. { $article }), { $service }
rights-letter-subject-rectification = Demande de rectification (RGPD, art. { $article }), { $service }
rights-letter-subject-erasure = Demande d'effacement (RGPD, art. { $article }), { $service }
rights-letter-subject-portability = Demande de portabilité (RGPD, art. { $article }), { $service }
rights-letter-subject-objection = Opposition au traitement (RGPD, art. { $article }), { $service }
account-rights-link = Mes signalements à l'observatoire des demandes d'exercice de droits
obs-rights-heading = Comment les services répondent aux demandes d'exercice des droits
obs-rights-intro = Les utilisateurs du registre signalent les demandes qu'ils ont faites aux services propriétaires qu'il recense (accès, rectification, effacement, portabilité, opposition) et la réponse reçue. Seuls des agrégats sont publiés, par service et par droit, une fois qu'au moins { $k } personnes différentes ont fait un signalement ; aucun signalement, aucune date ni aucun texte ne l'est.
obs-rights-none = Pas encore assez de signalements pour publier quoi que ce soit.
obs-rights-open-data = Les chiffres publiés en données ouvertes :
obs-rights-licence = CC BY-SA 4.0
obs-rights-chart = Part des demandes traitées dans le mois légal
obs-rights-chart-desc = Pour chaque service et chaque droit ayant assez de signalements, la part des demandes dont l'issue est connue qui ont reçu une réponse dans le mois suivant leur envoi.
obs-rights-chart-intro = Compté à partir de la date d'envoi de la demande ; les demandes encore en attente sont écartées. « — » signifie que trop peu de personnes sont derrière ce chiffre.
rights-review-title = Modération de l'observatoire des droits
rights-review-lead = Signalements repérés par les limites ou accompagnés d'une remarque. Un signalement masqué quitte aussitôt tous les chiffres publiés ; la raison est conservée avec lui, montrée à son auteur, et inscrite au journal d'audit.
rights-review-flagged = Signalements à examiner
rights-review-none = Aucun signalement n'attend d'examen.
rights-review-flag-burst = beaucoup de signalements d'un même compte en un jour
rights-review-flag-repeat = peut-être la même demande signalée deux fois
rights-review-flag-text = accompagné d'une remarque
rights-review-reason = Raison du masquage (conservée et montrée à l'auteur)
rights-review-hide = Masquer des chiffres
rights-review-counts = Signalements par service
rights-review-counts-none = Aucun signalement pour l'instant.
rights-review-col-flagged = Repérés ou avec remarque
rights-review-col-hidden = Masqués
account-rights-review-link = Modérer l'observatoire des droits
rights-contact = Où envoyer une demande, selon la page de confidentialité du service lui-même :
rights-contact-checked = page lue le { $date }
rights-contact-none = Le catalogue n'indique pas encore le contact de ce service pour la protection des données : cherchez « confidentialité » ou « délégué à la protection des données » sur son site, ou dans les réglages de son application.
privacy-accounts-rights-reports = vos signalements à l'observatoire des demandes d'exercice de droits (le service, le droit, les dates, la réponse et l'éventuelle remarque, que seuls les relecteurs lisent) : ils ne sont jamais publiés, seuls le sont des agrégats d'au moins cinq personnes différentes ; ils figurent dans le téléchargement de vos données et sont supprimés quand vous les supprimez ou supprimez votre compte.
