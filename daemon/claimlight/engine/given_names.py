"""Given names and the gender they are mostly given to, so "she said" is not read as a man named just before.

News from anywhere names people from everywhere: the lists cover names common in English-speaking
countries and in French, Spanish, Portuguese, Italian, German, Dutch, Nordic, Slavic, Baltic,
Greek, Hungarian, Romanian, Georgian, Armenian, Azerbaijani, Kazakh, Turkish, Arabic, Persian,
South Asian, East and Southeast Asian (Thai and Filipino among them), African, Hebrew, Irish, Scottish, Welsh and Pacific usage. A name given to men and women alike in
any of them (Jean, Andrea, Kim, Jordan) is in `UNISEX`: it tells a person, not a gender.

Left out on purpose: names that are also common English words, places or famous surnames
("Hope", "Victoria", "Jordan", "Chester", "Harper", "Clinton"), since `actors` takes a known given
name followed by a capitalised word as a person nobody labelled, and a lone surname must not get
a gender from a given name it happens to share. A name missing here only leaves a gender unknown;
coreference then relies on titles, role words and the pronouns the article uses.
"""

from __future__ import annotations

_MALE = {
    "english": """
        aaron adam adrian aidan alan albert alec alexander alfie alfred allan alistair andrew andy
        angus anthony antony archie arnold arthur ashton barry barney ben benjamin bernard
        bert bradley brendan brent brett brian bruce bryan bryce byron calvin cameron carl carlton
        cecil charles charlie chris christopher clarence clark clifford clint 
        clive cody colin connor conrad craig curtis cyril damian damien dan daniel darren darryl
        dave david declan dennis derek desmond devin dominic don donald doug douglas duncan
        dustin dwayne dwight eddie edgar edmund edward edwin elliot elliott elmer emmett eric
        ernest ethan eugene evan everett fletcher floyd francis franklin fred freddie frederick
        gareth garrett gary gavin geoffrey geoff george gerald gerard gilbert gordon graeme graham
         greg gregory harold harrison harry harvey hayden henry herbert horace howard hugh
        hugo ian isaac jack jacob jake james jared jason jeff jeffrey jeremy jerome jerry
        jesse jim jimmy joe joel john johnny jon jonathan josh joshua julian justin keith ken
        kenneth kevin kieran kirk kurt kyle lachlan larry laurence lawrence leigh
        lenny leo leon leonard leroy lester lewis liam lionel lloyd lorne louis luke lyle
        malcolm marcus mark martin marvin matt matthew maurice max maxwell melvin mervyn
        michael mick mike mitch mitchell monty morgan murray nathan nathaniel neil neville
        nicholas nick nigel noah norman oliver ollie oscar owen patrick paul percy perry pete
        peter phil philip phillip quentin ralph randall randy raymond reginald rex richard
        rick ricky robbie robert roberto rodney roger roland ronald ronnie ross roy rupert
        russell ryan sam samuel scott sean seth shane shaun sheldon sidney simon spencer 
        stephen steve steven stewart stuart ted terence terrence terry theo theodore thomas tim
        timothy toby todd tom tommy tony travis trevor troy tyler vaughan vernon vic victor
        vince vincent walter warren wayne wesley wilbur wilfred willie william winston zachary
        zach zack
    """,
    "celtic": """
        aodh brendan bryn cathal cian ciaran cillian colm conor cormac dafydd darragh donal
        donnacha dylan eamon eamonn emlyn eoghan eoin euan ewan fergus fearghal finbar fionn
        gethin hamish iain ieuan iwan kenzie lorcan niall oisin padraig pádraig rhodri rhys
        ronan ruairi seamus séamus shay tadhg tomas tomás callum calum struan ruaridh
    """,
    "french": """
        adrien alain alexandre alexis amaury anatole andré antoine armand arnaud aurélien
        baptiste bastien benoît benoit bernard bertrand bruno cédric cedric christophe clément
        clement cyril damien denis didier dominique édouard edouard émile emile étienne etienne
        fabien fabrice félix florian françois francois frédéric frederic gaël gaetan gaétan
        gaston gérard gerard germain ghislain gilles grégoire guillaume gustave hervé herve
        hugues jacques jean-baptiste jean-claude jean-françois jean-francois jean-luc jean-marc
        jean-marie jean-michel jean-paul jean-pierre jean-philippe jean-yves jérôme jerome
        joël julien laurent léon léo loïc loic louis-philippe luc lucien marc marcel mathieu
        mathis matthieu maxime michel nicolas noël olivier pascal philippe pierre pierre-luc
        raphaël rémi remi rémy renaud rené rene roch sébastien sebastien serge stéphane stephane
        sylvain thibault thierry tristan valentin vincent xavier yannick yann yves
    """,
    "iberian_latin_american": """
        adolfo agustín agustin alberto alejandro alfonso alfredo álvaro alvaro andrés andres
        ángel antonio armando arturo benito bernardo carlos césar cesar cristian
        cristóbal daniel diego eduardo emilio enrique ernesto esteban eugenio federico felipe
        fernando francisco gabriel gerardo gilberto gonzalo guillermo gustavo héctor hector
        hernán hernan horacio hugo ignacio iñaki iñigo isidro jaime javier jesús jesus joaquín
        joaquin jorge josé jose juan julio leandro leonardo lorenzo luis manuel marcelo mariano
        mario martín mateo mauricio miguel nicolás octavio orlando óscar pablo pedro rafael
        ramiro ramón ramon raúl raul reinaldo ricardo roberto rodolfo rodrigo rogelio rolando
        salvador santiago sergio tomás vicente víctor xavier
        joão joao paulo gonçalo goncalo rui nuno tiago thiago duarte vasco afonso sebastião
        sebastiao leandro gilberto caetano rogério rogerio fábio fabio márcio marcio
    """,
    "italian": """
        alessandro alessio alberto aldo angelo antonio carlo claudio corrado dario davide
        domenico emanuele enrico enzo ettore fabrizio federico filippo flavio francesco franco
        gabriele giacomo giancarlo gianluca gianni giorgio giovanni giulio giuseppe guido
        lorenzo luca luciano luigi marcello marco massimo matteo maurizio mauro michele nicola
        paolo piero pietro raffaele renato riccardo roberto salvatore sandro sergio silvio
        stefano tommaso umberto valerio vittorio
    """,
    "german_dutch_nordic": """
        achim anders arne axel bernd bjørn bjorn björn bram christoph dieter dirk egon eirik
        erik erling florian frank franz friedrich frithjof fritz georg gerhard gert gunnar
        günter gunter gustav hannes hans harald heiko heinrich heinz helmut henrik hermann
        holger horst ingo jan jens joachim jochem johan johannes jonas jörg jorg jürgen jurgen
        kai karl karsten klaus knut kurt lars lasse leif lennart lukas magnus maarten markus
        mats matthias mikael mikkel nils olaf ole olof oskar otto pieter rainer ralf reinhard
        rolf rudolf rüdiger ruud sander sebastian sigurd sjoerd stefan steffen sven thijs thor
        thorsten tobias torsten ulf ulrich uwe volker walther wilhelm willem wim wolfgang
    """,
    "slavic_baltic_hungarian_romanian_greek": """
        aleksandar aleksander aleksandr aleksei alexei anatoly andrei andrej andriy andrzej
        anton arkady bogdan bohdan boris bronislav damir danylo denys dmitri dmitry dmytro
        dragan dusan dušan evgeny fyodor gennady grigory grzegorz igor ilya ivan jakub jaroslav
        jerzy jiří jiri josip kazimierz konstantin krzysztof leonid lubomir lukasz łukasz
        maciej marek mateusz mikhail miloš milos miroslav mykhailo mykola nikolai nikolay
        nikita oleg oleksandr oleksiy olexander pavel pavlo petr petro piotr radek radoslav
         ruslan sergei sergey serhiy slavko stanislav stepan svyatoslav taras tomasz
        vadim valentin valery vasily vasyl viktor vitaly vitali vladimir vladislav volodymyr
        vyacheslav wojciech yaroslav yevgeny yuri yury zbigniew zoran
        aivars andris arturs darius gediminas janis jānis linas mindaugas rimantas tomas vytautas
        attila balázs balazs gábor gabor istván istvan lászló laszlo péter sándor sandor zoltán
        zoltan bogdan cosmin dorin florin gheorghe ionut mihai mircea nicolae ovidiu radu
        sorin traian
        alexandros andreas apostolos christos dimitris dimitrios georgios giorgos ioannis
        kostas konstantinos nikos panagiotis stavros spyros thanasis vasilis yannis yiannis
        marko goran nenad dejan branko milorad predrag darko nemanja srđan srdjan željko zeljko
        vladan ivica tomislav davor mladen bojan ranko veselin budimir danilo jovan miodrag
        velibor zdravko dalibor duško dusko živko zivko
    """,
    "polish_caucasus_central_asian": """
        paweł pawel marcin michał michal kamil bartosz jacek dariusz ryszard mirosław miroslaw
        levan giorgi davit irakli zurab tamaz lasha nikoloz vakhtang otar revaz beka gela
        mamuka tengiz archil armen tigran hayk vardan ashot gevorg elchin rashad vugar ilham
        tural ramil aidos nurlan yerlan askar daulet arman bolat serik marat yerzhan
    """,
    "turkish_arabic_persian": """
        abdullah abdul abdulrahman abdelaziz abdel abdou ahmad ahmed ahmet ali amir amr anwar
        ashraf ayman bashar bassam bilal burak cem emre erdogan faisal farid farouk fatih
        fawzi ghassan habib hakan hamid hamza hasan hassan hisham hossein hussein husain
        ibrahim imran ismail jamal jawad kareem karim kemal khaled khalid latif mahmoud
        mahmood majid malik mansour marwan mehmet mehdi mohamed mohammad mohammed mohsen mounir
        mostafa moussa muhammad murat mustafa nabil nadir naveed nasser omar osama ozan qasim
        rachid rahim ramzi rashid reza saad saeed salah saleh salim sami samir selim
        serkan sharif sinan suleiman süleyman tarek tariq umar usman walid yasin yasser yassin
        youssef yusuf zaid zakaria ziad
        ardeshir babak behrouz cyrus dariush darius davood farhad hooman javad kamran kourosh
        mahmoud masoud mehran mohsen omid parviz payam ramin reza siamak shahram
    """,
    "south_asian": """
        suhas
        aarav abhishek aditya ajay ajit akash akhil amit amitabh anand anil anish ankit anup
        arjun arun arvind ashish ashok atul balraj bharat chandra deepak dhruv dilip
        dinesh gaurav gopal govind gurpreet hardeep harjit harpreet harsh hemant jagdish
        jagmeet jaspal jaswant jatin jayant jitendra kabir kamal karan kartik kiran kishore
        krishna kunal lalit mahesh manish manoj mohan mukesh mukul narendra naresh naveen
        navdeep nikhil nirmal nitin pankaj pradeep prakash pranav prashant praveen prem rahul
        raj rajesh rajiv rakesh ramesh ranjit ravi rohan rohit sachin sandeep sanjay
        sanjeev satish saurabh shankar shashi shiv shyam siddharth subhash sudhir sukhbir
        sumit sunil suresh tarun uday umesh varun vijay vikas vikram vinay vinod vishal vivek
        yash yogesh
        aamir asif faisal fawad imtiaz irfan junaid kashif nadeem nawaz rizwan shahid shoaib
        waqar waseem zubair
        anisur habibur mizanur rafiq shafiq tanvir
        arumugam ganesh karthik murugan rajan senthil shanmugam subramaniam venkatesh
        mahendra rajendra ravindra surendra
    """,
    "east_southeast_asian": """
        akira daisuke haruki hideki hiroshi hiroki ichiro kazuo kenji kenta koji makoto
        masahiro masato naoki osamu ryota ryu satoshi shinji shinzo shota takashi takeshi
        taro tetsuya yoshihide yuki yusuke haruto sota hayato
        byung dong-hyun jae-in jae-hyun jin-ho jun-ho kyung-soo min-jun min-ho sang-woo
        seung-min sung-min young-ho
        anh bao cuong duc hieu hoang khanh minh nam phuc quang thang tuan
        vinh
        agus arief bambang budi eko joko rizal wahyu
        rodrigo ferdinand bongbong emilio rodel
        somchai somsak prayut thaksin
        anan anurak chaiwat kittipong nattapong prasert sompong surachai thanawat wichai
        jericho jun-jun rommel jomar
    """,
    "african": """
        abdoulaye adebayo ademola adewale afolabi akin akinwumi amadou babajide bongani
        chidi chidiebere chijioke chinedu chukwuemeka cyril daouda emeka femi gbenga ibrahima
        ifeanyi jabulani kagiso kayode kofi kwabena kwaku kwame kwesi lamine mamadou mandla
        moussa mthunzi musa nkosinathi nnamdi obinna ogechi olumide oluwaseun ousmane sello
        sibusiso sipho thabo themba tunde uchenna yemi
        baraka bakari daudi hamisi juma jumanne rashidi ramadhani selemani shabani
        kwasi kwadwo yaw
    """,
    "icelandic": """
        ásgeir baldur egill einar gísli guðmundur halldór hjalti jóhann jón kristján magnús
        ólafur páll ragnar sigurður snorri stefán þórður
    """,
    "ethiopian_eritrean": """
        abiy alemayehu berhanu biniam dawit fikru getachew girma mulugeta tewodros yohannes yonas
    """,
    "setswana_more": """
        ditiro kabelo thabo
    """,
    "more": """
        flavien hazem
    """,
    "caribbean": """
        delroy jahmal kenrick kenroy marlon shamar kervin
    """,
    "hebrew": """
        avi avraham benny binyamin chaim david eitan eli eliezer ehud gideon itamar moshe
        naftali nir reuven shimon shlomo yaakov yair yehuda yitzhak yoav yonatan yosef
    """,
    "pacific_indigenous": """
        aperahama hemi manaia mikaere nikau rawiri tama tane wiremu
    """,
}

_FEMALE = {
    "english": """
        abbie abby abigail ada adele adeline agnes aileen alana alexandra alice alicia alison
        allison alyssa amanda amelia amy anastasia andrea angela angelina anita ann anna
        anne annette annie antonia audrey barbara beatrice becky belinda bernadette beryl beth
        bethany betty beverley beverly bianca bonnie brenda bridget brittany brooke caitlin
        camilla candice cara carla carly carmen carol carole caroline carolyn cassandra
        catherine cathy cecilia celia charlene charlotte chelsea cheryl chloe christina
        christine cindy claire clara claudia colleen connie constance courtney cynthia 
        danielle daphne darlene deanna debbie deborah debra deirdre delia denise diana diane
        dianne donna doreen doris dorothy edith eileen elaine eleanor elena eliza elizabeth
        ella ellen ellie eloise elsie emily emma erica erin esther ethel eva evelyn felicity
        fiona frances francesca freya georgina geraldine gemma gillian gina gladys glenda
        gloria grace gwen gwendolyn hannah harriet heather helen helena henrietta hilary
        hillary imogen ingrid irene isabel isabella isabelle isla jacqueline jane
        janet janice janine jasmine jean jeanette jeanne jemima jenna jennifer jenny jessica
        jill joan joanna joanne jocelyn josephine joyce judith judy julia julie juliet
        justine kara karen kate katherine kathleen kathryn kathy katie kayla kelly kerry
        kimberly kirsten kristen kristin laura lauren leah leanne leslie lesley lillian linda
        lindsay lindsey lisa lois lorraine louise lucy lydia lynda lynn lynne madeleine
        madeline maggie mandy margaret margot maria marian marianne marie marilyn marion
        marjorie martha mary maureen megan melanie melinda melissa meredith michelle mildred
        miranda miriam molly monica monique muriel nadia nancy naomi natalie natasha nellie
        nicola nicole nina nora norma olivia paige pamela patricia paula pauline
        penelope philippa phoebe phyllis priscilla rachel rebecca renee rhonda rita
        roberta robyn rosalind rosemary roxanne ruth sabrina samantha sandra sara sarah sharon
        sheila shelley shirley sophia sophie stacey stella stephanie susan susanna
        suzanne sylvia tamara tanya tara teresa theresa tiffany tina tracey tracy trudy ursula
        valerie vanessa vera veronica vicki vicky virginia vivian wanda wendy whitney
        winifred yvonne zoe zoë
    """,
    "celtic": """
        aisling aoife bronagh caoimhe ciara clodagh deirdre eimear eithne fionnuala grainne
        gráinne maeve máire mairead mhairi niamh orla orlaith roisin róisín saoirse siobhan
        siobhán sinead sinéad una áine aine cerys ffion angharad bethan eluned gwyneth rhiannon
        seonaid kirsty morag eilidh catriona
    """,
    "french": """
        adèle agathe amélie amelie anaïs anais annick anne-marie apolline armelle aurélie aurelie
        béatrice brigitte camille capucine carole cécile cecile céline celine chantal clémence
        clemence colette coralie corinne danielle delphine élise elise élodie elodie émilie
        emilie estelle fabienne françoise francoise geneviève genevieve ghislaine
        hélène helene isabelle jacqueline josée josee joséphine julie justine laetitia
        laurence léa lea louise lucie madeleine manon marie-claude marie-ève marie-eve
        marie-france marie-josée marie-josee marie-pier marine marion martine mathilde mélanie
        melanie michèle michele micheline mireille monique nathalie noémie noemie océane
        odette pascale patricia pauline rachelle renée sandrine ségolène segolene simone
        solange sophie stéphanie stephanie suzanne sylvie thérèse therese valérie valerie
        véronique veronique virginie yvette
    """,
    "iberian_latin_american": """
        adriana alejandra alicia alma amparo ana andrea ángela angelica antonia araceli
        beatriz blanca carmen catalina cecilia claudia concepción consuelo cristina
        daniela dolores elena elvira esperanza estefanía estela eugenia fernanda gabriela
        gloria graciela inés ines irene isabel josefina juana julieta leticia
        lorena luciana lucía lucia luisa lupita macarena magdalena manuela marcela
        margarita maría mariana maribel marisol marta milagros mónica natalia nuria
        patricia paula paulina pilar raquel rocío rocio rosa silvia soledad susana
        valentina verónica ximena yolanda
        adriana beatriz conceição fernanda gisele graça joana leonor luana mafalda marta
        rafaela tatiana thaís
    """,
    "italian": """
        alessandra anna antonella arianna barbara benedetta carla caterina chiara cristina
        daniela donatella elisa elisabetta emanuela federica francesca gabriella giada
        giorgia giovanna giulia ilaria laura letizia lorenza lucia manuela marta martina
        matilde michela monica nicoletta ornella paola patrizia raffaella roberta rosanna
        rossella sara serena silvia simona stefania teresa valentina valeria
    """,
    "german_dutch_nordic": """
        angelika anja anke annika astrid bettina birgit birgitta britta dagmar doris elke
        ellen frauke frederike friederike gerda gisela greta gudrun hanna hannelore heike
        helga hilde ilse ines inga inge ingeborg ingrid irmgard jana jutta karin katarina
        katja kerstin kirsten liesbeth lotte margit marit marlene mette monika nadine petra
        renate sabine saskia silke sigrid sofie solveig stefanie susanne svenja tanja ulla
        ulrike ursula ute wiebke
        annalena annegret annelies femke ineke marieke mieke sanne sietske willemijn
    """,
    "slavic_baltic_hungarian_romanian_greek": """
        agnieszka aleksandra alina alla anastasiya anastasia anya bogdana daria darya
        dorota ekaterina elżbieta elzbieta halyna hanna inna irina iryna jadwiga jelena
        joanna kasia katarzyna kateryna katerina ksenia larisa larysa lidia lyudmila
        lyudmyla magdalena małgorzata malgorzata margarita marina marta maryna milena
        nadezhda natalia nataliya natalya oksana olena olga olha oxana polina raisa
        svetlana tamara tatiana tatyana valentina vera veronika viktoriya yana yekaterina
        yelena yevgenia yulia yuliya zinaida zofia zoya
        agne aija baiba dace egle ieva ilze inese jurgita kristina laima rasa ruta
        anikó aniko erzsébet erzsebet ildikó ildiko judit katalin krisztina zsuzsanna
        andreea ioana mihaela oana roxana simona
        athina eleni katerina maria despina dimitra niki vasiliki zoi
        milica jovana ivana snežana snezana dragana biljana vesna tijana gordana mirjana
        ljiljana nataša natasa jasmina sanja marija teodora danijela dubravka bojana slađana
        sladjana radmila zorica
    """,
    "polish_caucasus_central_asian": """
        halina ewa beata jolanta grażyna grazyna krystyna bożena bozena urszula wiesława
        nino ketevan eka salome natia lela maia khatia sopho manana anahit gohar lusine narine
        arpine aytan gunel sevinj nargiz aigerim gulnara aliya saule zhanna dinara madina aizhan
    """,
    "turkish_arabic_persian": """
        aisha aysha ayesha amal amani amina aminah asma aya ayşe ayse basma dalia dina
        dunya elif emine esra farah fatima fatma ghada hala hanan hana hiba hoda huda
        iman jamila khadija layla leila lina loubna maha malak manal mariam maryam mona
        nadia nawal nour noura nur rana rania rasha reem salma samira sara sawsan
        shaima soraya suad yasmin yasmine zainab zahra zeynep zeinab
        azadeh farah fariba farnaz golnar laleh mahnaz maryam mina nasrin parisa roya
        shirin shohreh simin
    """,
    "south_asian": """
        sadia
        aarti aishwarya amrita anita anjali anusha aparna archana arundhati asha bhavna
        deepa deepika divya gauri geeta gita harpreet indira jasleen jaya jyoti kajal
        kamala kavita kiranjit lakshmi lalita madhu madhuri mala malini mamata manisha
        meena meera mira namrata neelam neha nirmala nisha pallavi pooja poonam prerna
        priya priyanka radha rani rekha ritu sanjana sapna sarita seema shalini shanti
        sharmila shilpa shreya shweta smita sonia sudha sujata sunita supriya sushma swati
        tanvi usha vandana vidya
        benazir bushra fauzia hina maleeha maryam nusrat rabia samina sana shazia
        hasina taslima
    """,
    "east_southeast_asian": """
        akiko ayako ayumi chie emi eriko haruka hiromi kaori kazuko keiko kumiko mariko
        masako mayumi megumi michiko midori naoko noriko reiko sachiko sakura sayaka tomoko
        yoko yoshiko yuko yumi yuriko
        eun-ji hye-jin ji-yeon ji-young min-ji seo-yeon soo-jin su-bin yoo-jin
        lan linh mai ngoc phuong thao thuy trang
         indah kartika putri wulan
        siriporn supaporn kanokwan pornpimol wanida nattaya ratchanok busanan onuma pimchanok
        chanida kanya
        rhea kristine maricel marites jocelyn rowena analyn mylene jhoanna
    """,
    "african": """
        abena adaeze adanna adaora adwoa akosua ama amara ayodele bisi bolanle busisiwe
        chiamaka chidinma chimamanda chinwe chioma efua folake funmilayo funmi ifeoma
        lindiwe lerato mbali ngozi nkechi nomvula nokuthula nomsa nthabiseng oluwakemi
        oyinkansola thandiwe thandeka titilayo wanjiru wangari yetunde zanele zodwa
        fatuma halima mwajuma mwanaidi mwanajuma neema nasra rehema subira upendo zawadi zuhura
        akua afua abenaa yaa aminata djamila
    """,
    "icelandic": """
        ásta birta bryndís edda guðrún halla hildur ingibjörg jóhanna katrín kristín margrét
        ragnheiður sigríður sigrún steinunn þóra elín
    """,
    "ethiopian_eritrean": """
        almaz aster birtukan frehiwot genet hirut mekdes meron meseret rahel selamawit senait
        tigist tsehay tsion yeshi
    """,
    "arabic_more": """
        maysoon
    """,
    "spanish_portuguese_more": """
        sofía sofia lucía lucia maría
    """,
    "caribbean": """
        aliyah keisha latoya shanice shavonne tamika tiana yesenia
        shernelle shernel jeneille kerlene kerrylee shermaine tricia nadine keturah
    """,
    "hebrew": """
        ayelet dalia galit hadas michal miri noa orly ruti shira shulamit tali tamar tzipi
        yael
    """,
    "pacific_indigenous": """
        aroha hine kiri moana ngaire tui
    """,
}

# Given to men and women alike somewhere: a person, but no gender.
UNISEX = frozenset(
    """
    addison alex alexis andrea ariel ashley aubrey cameron carey casey chandra charlie dana elliott
    emerson frankie gurpreet harpreet hayden jackie jaime jamie jan jean jess jody joss jules
    kai kelly kendall kerry kim kiran kris lee leigh lindsay lou marion mel morgan navdeep
    nicky nikki pat quinn riley robin rory rowan sacha sam sasha shawn sidney skyler stacy
    taylor terry toni tracy val yuki
    """.split()
)


def _names(blocks: dict[str, str]) -> frozenset[str]:
    return frozenset(w for block in blocks.values() for w in block.split())


MALE_GIVEN_NAMES = (_names(_MALE) - UNISEX) | UNISEX
FEMALE_GIVEN_NAMES = (_names(_FEMALE) - UNISEX) | UNISEX
