// Generated from openapi/sudo-images.yaml by `sudo-images codegen` (npm run generate in its repository).
// Do not edit: change the spec or the generator, then regenerate.
// @ts-nocheck: Ajv standalone output, typed through metadata.ts.
function _issue(list, instancePath, schemaPath, keyword, params) { (list ||= []).push({ instancePath, schemaPath, keyword, params }); return list; }
"use strict";
export const validate_ErrorResponse = validate1;

function validate2(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.message === undefined){
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "message"});
errors++;
}
if(data.type === undefined){
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "type"});
errors++;
}
if(data.message !== undefined){
let data0 = data.message;
if(typeof data0 !== "string"){
vErrors = _issue(vErrors,instancePath+"/message","#/properties/message/type","type",{type: "string"});
errors++;
}
}
if(data.type !== undefined){
let data1 = data.type;
if(typeof data1 !== "string"){
vErrors = _issue(vErrors,instancePath+"/type","#/properties/type/type","type",{type: "string"});
errors++;
}
}
if(data.code !== undefined){
let data2 = data.code;
if((typeof data2 !== "string") && (data2 !== null)){
vErrors = _issue(vErrors,instancePath+"/code","#/properties/code/type","type",{type: ["string","null"]});
errors++;
}
}
if(data.param !== undefined){
let data3 = data.param;
if((typeof data3 !== "string") && (data3 !== null)){
vErrors = _issue(vErrors,instancePath+"/param","#/properties/param/type","type",{type: ["string","null"]});
errors++;
}
}
}
else {
vErrors = _issue(vErrors,instancePath,"#/type","type",{type: "object"});
errors++;
}
validate2.errors = vErrors;
return errors === 0;
}


function validate1(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.error === undefined){
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "error"});
errors++;
}
if(data.error !== undefined){
let data0 = data.error;
if(!(validate2(data0, {instancePath:instancePath+"/error",parentData:data,parentDataProperty:"error",rootData}))){
vErrors = vErrors === null ? validate2.errors : vErrors.concat(validate2.errors);
errors = vErrors.length;
}
}
}
else {
vErrors = _issue(vErrors,instancePath,"#/type","type",{type: "object"});
errors++;
}
validate1.errors = vErrors;
return errors === 0;
}

export const validate_ImageGeneration = validate4;

function validate6(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.image_tokens === undefined){
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "image_tokens"});
errors++;
}
if(data.text_tokens === undefined){
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "text_tokens"});
errors++;
}
if(data.image_tokens !== undefined){
let data0 = data.image_tokens;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
vErrors = _issue(vErrors,instancePath+"/image_tokens","#/properties/image_tokens/type","type",{type: "integer"});
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 2147483647 || isNaN(data0)){
vErrors = _issue(vErrors,instancePath+"/image_tokens","#/properties/image_tokens/maximum","maximum",{comparison: "<=", limit: 2147483647});
errors++;
}
if(data0 < 0 || isNaN(data0)){
vErrors = _issue(vErrors,instancePath+"/image_tokens","#/properties/image_tokens/minimum","minimum",{comparison: ">=", limit: 0});
errors++;
}
}
}
if(data.text_tokens !== undefined){
let data1 = data.text_tokens;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
vErrors = _issue(vErrors,instancePath+"/text_tokens","#/properties/text_tokens/type","type",{type: "integer"});
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 2147483647 || isNaN(data1)){
vErrors = _issue(vErrors,instancePath+"/text_tokens","#/properties/text_tokens/maximum","maximum",{comparison: "<=", limit: 2147483647});
errors++;
}
if(data1 < 0 || isNaN(data1)){
vErrors = _issue(vErrors,instancePath+"/text_tokens","#/properties/text_tokens/minimum","minimum",{comparison: ">=", limit: 0});
errors++;
}
}
}
}
else {
vErrors = _issue(vErrors,instancePath,"#/type","type",{type: "object"});
errors++;
}
validate6.errors = vErrors;
return errors === 0;
}


function validate5(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.input_tokens === undefined){
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "input_tokens"});
errors++;
}
if(data.output_tokens === undefined){
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "output_tokens"});
errors++;
}
if(data.total_tokens === undefined){
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "total_tokens"});
errors++;
}
if(data.input_tokens_details === undefined){
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "input_tokens_details"});
errors++;
}
if(data.input_tokens !== undefined){
let data0 = data.input_tokens;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
vErrors = _issue(vErrors,instancePath+"/input_tokens","#/properties/input_tokens/type","type",{type: "integer"});
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 2147483647 || isNaN(data0)){
vErrors = _issue(vErrors,instancePath+"/input_tokens","#/properties/input_tokens/maximum","maximum",{comparison: "<=", limit: 2147483647});
errors++;
}
if(data0 < 0 || isNaN(data0)){
vErrors = _issue(vErrors,instancePath+"/input_tokens","#/properties/input_tokens/minimum","minimum",{comparison: ">=", limit: 0});
errors++;
}
}
}
if(data.output_tokens !== undefined){
let data1 = data.output_tokens;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
vErrors = _issue(vErrors,instancePath+"/output_tokens","#/properties/output_tokens/type","type",{type: "integer"});
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 2147483647 || isNaN(data1)){
vErrors = _issue(vErrors,instancePath+"/output_tokens","#/properties/output_tokens/maximum","maximum",{comparison: "<=", limit: 2147483647});
errors++;
}
if(data1 < 0 || isNaN(data1)){
vErrors = _issue(vErrors,instancePath+"/output_tokens","#/properties/output_tokens/minimum","minimum",{comparison: ">=", limit: 0});
errors++;
}
}
}
if(data.total_tokens !== undefined){
let data2 = data.total_tokens;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
vErrors = _issue(vErrors,instancePath+"/total_tokens","#/properties/total_tokens/type","type",{type: "integer"});
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 2147483647 || isNaN(data2)){
vErrors = _issue(vErrors,instancePath+"/total_tokens","#/properties/total_tokens/maximum","maximum",{comparison: "<=", limit: 2147483647});
errors++;
}
if(data2 < 0 || isNaN(data2)){
vErrors = _issue(vErrors,instancePath+"/total_tokens","#/properties/total_tokens/minimum","minimum",{comparison: ">=", limit: 0});
errors++;
}
}
}
if(data.input_tokens_details !== undefined){
let data3 = data.input_tokens_details;
if(!(validate6(data3, {instancePath:instancePath+"/input_tokens_details",parentData:data,parentDataProperty:"input_tokens_details",rootData}))){
vErrors = vErrors === null ? validate6.errors : vErrors.concat(validate6.errors);
errors = vErrors.length;
}
}
}
else {
vErrors = _issue(vErrors,instancePath,"#/type","type",{type: "object"});
errors++;
}
validate5.errors = vErrors;
return errors === 0;
}


function validate9(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.b64_json !== undefined){
let data0 = data.b64_json;
if((typeof data0 !== "string") && (data0 !== null)){
vErrors = _issue(vErrors,instancePath+"/b64_json","#/properties/b64_json/type","type",{type: ["string","null"]});
errors++;
}
}
if(data.revised_prompt !== undefined){
let data1 = data.revised_prompt;
if((typeof data1 !== "string") && (data1 !== null)){
vErrors = _issue(vErrors,instancePath+"/revised_prompt","#/properties/revised_prompt/type","type",{type: ["string","null"]});
errors++;
}
}
if(data.url !== undefined){
let data2 = data.url;
if((typeof data2 !== "string") && (data2 !== null)){
vErrors = _issue(vErrors,instancePath+"/url","#/properties/url/type","type",{type: ["string","null"]});
errors++;
}
}
}
else {
vErrors = _issue(vErrors,instancePath,"#/type","type",{type: "object"});
errors++;
}
validate9.errors = vErrors;
return errors === 0;
}


function validate4(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.data === undefined){
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "data"});
errors++;
}
if(data.background !== undefined){
let data0 = data.background;
if((typeof data0 !== "string") && (data0 !== null)){
vErrors = _issue(vErrors,instancePath+"/background","#/properties/background/type","type",{type: ["string","null"]});
errors++;
}
}
if(data.created !== undefined){
let data1 = data.created;
if((!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))) && (data1 !== null)){
vErrors = _issue(vErrors,instancePath+"/created","#/properties/created/type","type",{type: ["integer","null"]});
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 9007199254740991 || isNaN(data1)){
vErrors = _issue(vErrors,instancePath+"/created","#/properties/created/maximum","maximum",{comparison: "<=", limit: 9007199254740991});
errors++;
}
if(data1 < 0 || isNaN(data1)){
vErrors = _issue(vErrors,instancePath+"/created","#/properties/created/minimum","minimum",{comparison: ">=", limit: 0});
errors++;
}
}
}
if(data.output_format !== undefined){
let data2 = data.output_format;
if((typeof data2 !== "string") && (data2 !== null)){
vErrors = _issue(vErrors,instancePath+"/output_format","#/properties/output_format/type","type",{type: ["string","null"]});
errors++;
}
}
if(data.quality !== undefined){
let data3 = data.quality;
if((typeof data3 !== "string") && (data3 !== null)){
vErrors = _issue(vErrors,instancePath+"/quality","#/properties/quality/type","type",{type: ["string","null"]});
errors++;
}
}
if(data.size !== undefined){
let data4 = data.size;
if((typeof data4 !== "string") && (data4 !== null)){
vErrors = _issue(vErrors,instancePath+"/size","#/properties/size/type","type",{type: ["string","null"]});
errors++;
}
}
if(data.usage !== undefined){
let data5 = data.usage;
const _errs12 = errors;
let valid1 = false;
const _errs13 = errors;
if(!(validate5(data5, {instancePath:instancePath+"/usage",parentData:data,parentDataProperty:"usage",rootData}))){
vErrors = vErrors === null ? validate5.errors : vErrors.concat(validate5.errors);
errors = vErrors.length;
}
var _valid0 = _errs13 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const _errs14 = errors;
if(data5 !== null){
vErrors = _issue(vErrors,instancePath+"/usage","#/properties/usage/anyOf/1/type","type",{type: "null"});
errors++;
}
var _valid0 = _errs14 === errors;
valid1 = valid1 || _valid0;
}
if(!valid1){
vErrors = _issue(vErrors,instancePath+"/usage","#/properties/usage/anyOf","anyOf",{});
errors++;
}
else {
errors = _errs12;
if(vErrors !== null){
if(_errs12){
vErrors.length = _errs12;
}
else {
vErrors = null;
}
}
}
}
if(data.data !== undefined){
let data6 = data.data;
if(Array.isArray(data6)){
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
let data7 = data6[i0];
if(!(validate9(data7, {instancePath:instancePath+"/data/" + i0,parentData:data6,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate9.errors : vErrors.concat(validate9.errors);
errors = vErrors.length;
}
}
}
else {
vErrors = _issue(vErrors,instancePath+"/data","#/properties/data/type","type",{type: "array"});
errors++;
}
}
}
else {
vErrors = _issue(vErrors,instancePath,"#/type","type",{type: "object"});
errors++;
}
validate4.errors = vErrors;
return errors === 0;
}

export const validate_ImageGenerationRequest = validate11;
const pattern0 = /* @__PURE__ */ new RegExp("^gpt-image-2(?:\\.[0-9]+)?(?:-|$)", "u");
const pattern1 = /* @__PURE__ */ new RegExp("^(?:auto|(?:16|32|48|64|80|96|(?:[48]|1[26]|2[048]|3[26])(?:00|16|32|48|64|80|96)|(?:[159]|1[37]|2[159]|3[37])(?:12|28|44|60|76|92)|(?:[26]|1[048]|2[26]|3[04])(?:08|24|40|56|72|88)|(?:[37]|1[159]|2[37]|3[15])(?:04|20|36|52|68|84)|38(?:08|24|40))x(?:16|32|48|64|80|96|(?:[48]|1[26]|2[048]|3[26])(?:00|16|32|48|64|80|96)|(?:[159]|1[37]|2[159]|3[37])(?:12|28|44|60|76|92)|(?:[26]|1[048]|2[26]|3[04])(?:08|24|40|56|72|88)|(?:[37]|1[159]|2[37]|3[15])(?:04|20|36|52|68|84)|38(?:08|24|40)))$", "u");
const pattern2 = /* @__PURE__ */ new RegExp("^gpt-image-2(?:-|$)", "u");
const pattern3 = /* @__PURE__ */ new RegExp("^gpt-image-2\\.[56](?:-|$)", "u");
const pattern4 = /* @__PURE__ */ new RegExp("^(?:gpt|chatgpt)-image-", "u");
const pattern5 = /* @__PURE__ */ new RegExp("^(?:auto|[1-9][0-9]*x[1-9][0-9]*)$", "u");

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.model === undefined) && (missing0 = "model")){
const err0 = {};
(vErrors ||= []).push(err0);
errors++;
}
else {
if(data.model !== undefined){
let data0 = data.model;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
const err1 = {};
(vErrors ||= []).push(err1);
errors++;
}
}
else {
const err2 = {};
(vErrors ||= []).push(err2);
errors++;
}
}
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs6 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.size !== undefined){
let data1 = data.size;
if(typeof data1 === "string"){
if(!pattern1.test(data1)){
vErrors = _issue(vErrors,instancePath+"/size","#/allOf/0/then/properties/size/pattern","pattern",{pattern: "^(?:auto|(?:16|32|48|64|80|96|(?:[48]|1[26]|2[048]|3[26])(?:00|16|32|48|64|80|96)|(?:[159]|1[37]|2[159]|3[37])(?:12|28|44|60|76|92)|(?:[26]|1[048]|2[26]|3[04])(?:08|24|40|56|72|88)|(?:[37]|1[159]|2[37]|3[15])(?:04|20|36|52|68|84)|38(?:08|24|40))x(?:16|32|48|64|80|96|(?:[48]|1[26]|2[048]|3[26])(?:00|16|32|48|64|80|96)|(?:[159]|1[37]|2[159]|3[37])(?:12|28|44|60|76|92)|(?:[26]|1[048]|2[26]|3[04])(?:08|24|40|56|72|88)|(?:[37]|1[159]|2[37]|3[15])(?:04|20|36|52|68|84)|38(?:08|24|40)))$"});
errors++;
}
}
else {
vErrors = _issue(vErrors,instancePath+"/size","#/allOf/0/then/properties/size/type","type",{type: "string"});
errors++;
}
}
}
var _valid0 = _errs6 === errors;
valid1 = _valid0;
}
if(!valid1){
vErrors = _issue(vErrors,instancePath,"#/allOf/0/if","if",{failingKeyword: "then"});
errors++;
}
const _errs10 = errors;
let valid4 = true;
const _errs11 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.model === undefined) && (missing1 = "model")){
const err6 = {};
(vErrors ||= []).push(err6);
errors++;
}
else {
if(data.model !== undefined){
let data2 = data.model;
const _errs12 = errors;
if(errors === _errs12){
if(typeof data2 === "string"){
if(!pattern2.test(data2)){
const err7 = {};
(vErrors ||= []).push(err7);
errors++;
}
}
else {
const err8 = {};
(vErrors ||= []).push(err8);
errors++;
}
}
}
}
}
var _valid1 = _errs11 === errors;
errors = _errs10;
if(vErrors !== null){
if(_errs10){
vErrors.length = _errs10;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs14 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.quality !== undefined){
let data3 = data.quality;
if(!(((((data3 === "low") || (data3 === "medium")) || (data3 === "high")) || (data3 === "auto")) || (data3 === null))){
vErrors = _issue(vErrors,instancePath+"/quality","#/allOf/1/then/properties/quality/enum","enum",{allowedValues: ["low","medium","high","auto",null]});
errors++;
}
}
}
var _valid1 = _errs14 === errors;
valid4 = _valid1;
}
if(!valid4){
vErrors = _issue(vErrors,instancePath,"#/allOf/1/if","if",{failingKeyword: "then"});
errors++;
}
const _errs17 = errors;
let valid7 = true;
const _errs18 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if((data.model === undefined) && (missing2 = "model")){
const err11 = {};
(vErrors ||= []).push(err11);
errors++;
}
else {
if(data.model !== undefined){
let data4 = data.model;
const _errs19 = errors;
if(errors === _errs19){
if(typeof data4 === "string"){
if(!pattern3.test(data4)){
const err12 = {};
(vErrors ||= []).push(err12);
errors++;
}
}
else {
const err13 = {};
(vErrors ||= []).push(err13);
errors++;
}
}
}
}
}
var _valid2 = _errs18 === errors;
errors = _errs17;
if(vErrors !== null){
if(_errs17){
vErrors.length = _errs17;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs21 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.quality !== undefined){
let data5 = data.quality;
if(!(((((((data5 === "low") || (data5 === "medium")) || (data5 === "high")) || (data5 === "auto")) || (data5 === "xhigh")) || (data5 === "max")) || (data5 === null))){
vErrors = _issue(vErrors,instancePath+"/quality","#/allOf/2/then/properties/quality/enum","enum",{allowedValues: ["low","medium","high","auto","xhigh","max",null]});
errors++;
}
}
}
var _valid2 = _errs21 === errors;
valid7 = _valid2;
}
if(!valid7){
vErrors = _issue(vErrors,instancePath,"#/allOf/2/if","if",{failingKeyword: "then"});
errors++;
}
const _errs24 = errors;
let valid10 = true;
const _errs25 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if((data.model === undefined) && (missing3 = "model")){
const err16 = {};
(vErrors ||= []).push(err16);
errors++;
}
else {
if(data.model !== undefined){
let data6 = data.model;
const _errs26 = errors;
if(errors === _errs26){
if(typeof data6 === "string"){
if(!pattern4.test(data6)){
const err17 = {};
(vErrors ||= []).push(err17);
errors++;
}
}
else {
const err18 = {};
(vErrors ||= []).push(err18);
errors++;
}
}
}
}
}
var _valid3 = _errs25 === errors;
errors = _errs24;
if(vErrors !== null){
if(_errs24){
vErrors.length = _errs24;
}
else {
vErrors = null;
}
}
if(_valid3){
const _errs28 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.prompt !== undefined){
let data7 = data.prompt;
if(typeof data7 === "string"){
if(data7.length > 32000){
vErrors = _issue(vErrors,instancePath+"/prompt","#/allOf/3/then/properties/prompt/maxLength","maxLength",{limit: 32000});
errors++;
}
}
else {
vErrors = _issue(vErrors,instancePath+"/prompt","#/allOf/3/then/properties/prompt/type","type",{type: "string"});
errors++;
}
}
if(data.response_format !== undefined){
let data8 = data.response_format;
if(data8 !== null){
vErrors = _issue(vErrors,instancePath+"/response_format","#/allOf/3/then/properties/response_format/type","type",{type: "null"});
errors++;
}
}
if(data.style !== undefined){
let data9 = data.style;
if(data9 !== null){
vErrors = _issue(vErrors,instancePath+"/style","#/allOf/3/then/properties/style/type","type",{type: "null"});
errors++;
}
}
}
var _valid3 = _errs28 === errors;
valid10 = _valid3;
}
if(!valid10){
vErrors = _issue(vErrors,instancePath,"#/allOf/3/if","if",{failingKeyword: "then"});
errors++;
}
const _errs36 = errors;
let valid13 = true;
const _errs37 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing4;
if((data.model === undefined) && (missing4 = "model")){
const err24 = {};
(vErrors ||= []).push(err24);
errors++;
}
else {
if(data.model !== undefined){
let data10 = data.model;
if("gpt-image-1" !== data10){
const err25 = {};
(vErrors ||= []).push(err25);
errors++;
}
}
}
}
var _valid4 = _errs37 === errors;
errors = _errs36;
if(vErrors !== null){
if(_errs36){
vErrors.length = _errs36;
}
else {
vErrors = null;
}
}
if(_valid4){
const _errs39 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.size !== undefined){
let data11 = data.size;
if(!(((((data11 === "1024x1024") || (data11 === "1536x1024")) || (data11 === "1024x1536")) || (data11 === "auto")) || (data11 === null))){
vErrors = _issue(vErrors,instancePath+"/size","#/allOf/4/then/properties/size/enum","enum",{allowedValues: ["1024x1024","1536x1024","1024x1536","auto",null]});
errors++;
}
}
if(data.quality !== undefined){
let data12 = data.quality;
if(!(((((data12 === "low") || (data12 === "medium")) || (data12 === "high")) || (data12 === "auto")) || (data12 === null))){
vErrors = _issue(vErrors,instancePath+"/quality","#/allOf/4/then/properties/quality/enum","enum",{allowedValues: ["low","medium","high","auto",null]});
errors++;
}
}
}
var _valid4 = _errs39 === errors;
valid13 = _valid4;
}
if(!valid13){
vErrors = _issue(vErrors,instancePath,"#/allOf/4/if","if",{failingKeyword: "then"});
errors++;
}
const _errs43 = errors;
let valid16 = true;
const _errs44 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing5;
if((data.model === undefined) && (missing5 = "model")){
const err29 = {};
(vErrors ||= []).push(err29);
errors++;
}
else {
if(data.model !== undefined){
let data13 = data.model;
if(!(((data13 === "gpt-image-1-mini") || (data13 === "gpt-image-1.5")) || (data13 === "chatgpt-image-latest"))){
const err30 = {};
(vErrors ||= []).push(err30);
errors++;
}
}
}
}
var _valid5 = _errs44 === errors;
errors = _errs43;
if(vErrors !== null){
if(_errs43){
vErrors.length = _errs43;
}
else {
vErrors = null;
}
}
if(_valid5){
const _errs46 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.size !== undefined){
let data14 = data.size;
if(!(((((data14 === "1024x1024") || (data14 === "1536x1024")) || (data14 === "1024x1536")) || (data14 === "auto")) || (data14 === null))){
vErrors = _issue(vErrors,instancePath+"/size","#/allOf/5/then/properties/size/enum","enum",{allowedValues: ["1024x1024","1536x1024","1024x1536","auto",null]});
errors++;
}
}
if(data.quality !== undefined){
let data15 = data.quality;
if(!(((((data15 === "low") || (data15 === "medium")) || (data15 === "high")) || (data15 === "auto")) || (data15 === null))){
vErrors = _issue(vErrors,instancePath+"/quality","#/allOf/5/then/properties/quality/enum","enum",{allowedValues: ["low","medium","high","auto",null]});
errors++;
}
}
}
var _valid5 = _errs46 === errors;
valid16 = _valid5;
}
if(!valid16){
vErrors = _issue(vErrors,instancePath,"#/allOf/5/if","if",{failingKeyword: "then"});
errors++;
}
const _errs50 = errors;
let valid19 = true;
const _errs51 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing6;
if((data.model === undefined) && (missing6 = "model")){
const err34 = {};
(vErrors ||= []).push(err34);
errors++;
}
else {
if(data.model !== undefined){
let data16 = data.model;
if("dall-e-2" !== data16){
const err35 = {};
(vErrors ||= []).push(err35);
errors++;
}
}
}
}
var _valid6 = _errs51 === errors;
errors = _errs50;
if(vErrors !== null){
if(_errs50){
vErrors.length = _errs50;
}
else {
vErrors = null;
}
}
if(_valid6){
const _errs53 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.prompt !== undefined){
let data17 = data.prompt;
if(typeof data17 === "string"){
if(data17.length > 1000){
vErrors = _issue(vErrors,instancePath+"/prompt","#/allOf/6/then/properties/prompt/maxLength","maxLength",{limit: 1000});
errors++;
}
}
else {
vErrors = _issue(vErrors,instancePath+"/prompt","#/allOf/6/then/properties/prompt/type","type",{type: "string"});
errors++;
}
}
if(data.size !== undefined){
let data18 = data.size;
if(!((((data18 === "256x256") || (data18 === "512x512")) || (data18 === "1024x1024")) || (data18 === null))){
vErrors = _issue(vErrors,instancePath+"/size","#/allOf/6/then/properties/size/enum","enum",{allowedValues: ["256x256","512x512","1024x1024",null]});
errors++;
}
}
if(data.quality !== undefined){
let data19 = data.quality;
if(!((data19 === "standard") || (data19 === null))){
vErrors = _issue(vErrors,instancePath+"/quality","#/allOf/6/then/properties/quality/enum","enum",{allowedValues: ["standard",null]});
errors++;
}
}
if(data.style !== undefined){
let data20 = data.style;
if(data20 !== null){
vErrors = _issue(vErrors,instancePath+"/style","#/allOf/6/then/properties/style/type","type",{type: "null"});
errors++;
}
}
}
var _valid6 = _errs53 === errors;
valid19 = _valid6;
}
if(!valid19){
vErrors = _issue(vErrors,instancePath,"#/allOf/6/if","if",{failingKeyword: "then"});
errors++;
}
const _errs61 = errors;
let valid22 = true;
const _errs62 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing7;
if((data.model === undefined) && (missing7 = "model")){
const err42 = {};
(vErrors ||= []).push(err42);
errors++;
}
else {
if(data.model !== undefined){
let data21 = data.model;
if("dall-e-3" !== data21){
const err43 = {};
(vErrors ||= []).push(err43);
errors++;
}
}
}
}
var _valid7 = _errs62 === errors;
errors = _errs61;
if(vErrors !== null){
if(_errs61){
vErrors.length = _errs61;
}
else {
vErrors = null;
}
}
if(_valid7){
const _errs64 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.prompt !== undefined){
let data22 = data.prompt;
if(typeof data22 === "string"){
if(data22.length > 4000){
vErrors = _issue(vErrors,instancePath+"/prompt","#/allOf/7/then/properties/prompt/maxLength","maxLength",{limit: 4000});
errors++;
}
}
else {
vErrors = _issue(vErrors,instancePath+"/prompt","#/allOf/7/then/properties/prompt/type","type",{type: "string"});
errors++;
}
}
if(data.n !== undefined){
let data23 = data.n;
if(!((data23 === 1) || (data23 === null))){
vErrors = _issue(vErrors,instancePath+"/n","#/allOf/7/then/properties/n/enum","enum",{allowedValues: [1,null]});
errors++;
}
}
if(data.size !== undefined){
let data24 = data.size;
if(!((((data24 === "1024x1024") || (data24 === "1792x1024")) || (data24 === "1024x1792")) || (data24 === null))){
vErrors = _issue(vErrors,instancePath+"/size","#/allOf/7/then/properties/size/enum","enum",{allowedValues: ["1024x1024","1792x1024","1024x1792",null]});
errors++;
}
}
if(data.quality !== undefined){
let data25 = data.quality;
if(!(((data25 === "standard") || (data25 === "hd")) || (data25 === null))){
vErrors = _issue(vErrors,instancePath+"/quality","#/allOf/7/then/properties/quality/enum","enum",{allowedValues: ["standard","hd",null]});
errors++;
}
}
}
var _valid7 = _errs64 === errors;
valid22 = _valid7;
}
if(!valid22){
vErrors = _issue(vErrors,instancePath,"#/allOf/7/if","if",{failingKeyword: "then"});
errors++;
}
const _errs71 = errors;
let valid25 = true;
const _errs72 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing8;
if((data.output_compression === undefined) && (missing8 = "output_compression")){
const err50 = {};
(vErrors ||= []).push(err50);
errors++;
}
else {
if(data.output_compression !== undefined){
let data26 = data.output_compression;
if(!(((typeof data26 == "number") && (!(data26 % 1) && !isNaN(data26))) && (isFinite(data26)))){
const err51 = {};
(vErrors ||= []).push(err51);
errors++;
}
}
}
}
var _valid8 = _errs72 === errors;
errors = _errs71;
if(vErrors !== null){
if(_errs71){
vErrors.length = _errs71;
}
else {
vErrors = null;
}
}
if(_valid8){
const _errs75 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.output_format === undefined){
vErrors = _issue(vErrors,instancePath,"#/allOf/8/then/required","required",{missingProperty: "output_format"});
errors++;
}
if(data.output_format !== undefined){
let data27 = data.output_format;
if(!((data27 === "jpeg") || (data27 === "webp"))){
vErrors = _issue(vErrors,instancePath+"/output_format","#/allOf/8/then/properties/output_format/enum","enum",{allowedValues: ["jpeg","webp"]});
errors++;
}
}
}
var _valid8 = _errs75 === errors;
valid25 = _valid8;
}
if(!valid25){
vErrors = _issue(vErrors,instancePath,"#/allOf/8/if","if",{failingKeyword: "then"});
errors++;
}
const _errs78 = errors;
let valid28 = true;
const _errs79 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing9;
if((data.background === undefined) && (missing9 = "background")){
const err55 = {};
(vErrors ||= []).push(err55);
errors++;
}
else {
if(data.background !== undefined){
let data28 = data.background;
if("transparent" !== data28){
const err56 = {};
(vErrors ||= []).push(err56);
errors++;
}
}
}
}
var _valid9 = _errs79 === errors;
errors = _errs78;
if(vErrors !== null){
if(_errs78){
vErrors.length = _errs78;
}
else {
vErrors = null;
}
}
if(_valid9){
const _errs81 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.output_format !== undefined){
let data29 = data.output_format;
if(!(((data29 === "png") || (data29 === "webp")) || (data29 === null))){
vErrors = _issue(vErrors,instancePath+"/output_format","#/allOf/9/then/properties/output_format/enum","enum",{allowedValues: ["png","webp",null]});
errors++;
}
}
}
var _valid9 = _errs81 === errors;
valid28 = _valid9;
}
if(!valid28){
vErrors = _issue(vErrors,instancePath,"#/allOf/9/if","if",{failingKeyword: "then"});
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.prompt === undefined){
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "prompt"});
errors++;
}
if(data.model === undefined){
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "model"});
errors++;
}
if(data.prompt !== undefined){
let data30 = data.prompt;
if(typeof data30 === "string"){
if(data30.length < 1){
vErrors = _issue(vErrors,instancePath+"/prompt","#/properties/prompt/minLength","minLength",{limit: 1});
errors++;
}
}
else {
vErrors = _issue(vErrors,instancePath+"/prompt","#/properties/prompt/type","type",{type: "string"});
errors++;
}
}
if(data.model !== undefined){
let data31 = data.model;
if(typeof data31 !== "string"){
vErrors = _issue(vErrors,instancePath+"/model","#/properties/model/type","type",{type: "string"});
errors++;
}
}
if(data.n !== undefined){
let data32 = data.n;
if((!(((typeof data32 == "number") && (!(data32 % 1) && !isNaN(data32))) && (isFinite(data32)))) && (data32 !== null)){
vErrors = _issue(vErrors,instancePath+"/n","#/properties/n/type","type",{type: ["integer","null"]});
errors++;
}
if((typeof data32 == "number") && (isFinite(data32))){
if(data32 > 10 || isNaN(data32)){
vErrors = _issue(vErrors,instancePath+"/n","#/properties/n/maximum","maximum",{comparison: "<=", limit: 10});
errors++;
}
if(data32 < 1 || isNaN(data32)){
vErrors = _issue(vErrors,instancePath+"/n","#/properties/n/minimum","minimum",{comparison: ">=", limit: 1});
errors++;
}
}
}
if(data.response_format !== undefined){
let data33 = data.response_format;
if((typeof data33 !== "string") && (data33 !== null)){
vErrors = _issue(vErrors,instancePath+"/response_format","#/properties/response_format/type","type",{type: ["string","null"]});
errors++;
}
if(!(((data33 === "url") || (data33 === "b64_json")) || (data33 === null))){
vErrors = _issue(vErrors,instancePath+"/response_format","#/properties/response_format/enum","enum",{allowedValues: ["url","b64_json",null]});
errors++;
}
}
if(data.quality !== undefined){
let data34 = data.quality;
if((typeof data34 !== "string") && (data34 !== null)){
vErrors = _issue(vErrors,instancePath+"/quality","#/properties/quality/type","type",{type: ["string","null"]});
errors++;
}
if(!(((((((((data34 === "low") || (data34 === "medium")) || (data34 === "high")) || (data34 === "auto")) || (data34 === "xhigh")) || (data34 === "max")) || (data34 === "standard")) || (data34 === "hd")) || (data34 === null))){
vErrors = _issue(vErrors,instancePath+"/quality","#/properties/quality/enum","enum",{allowedValues: ["low","medium","high","auto","xhigh","max","standard","hd",null]});
errors++;
}
}
if(data.size !== undefined){
let data35 = data.size;
if((typeof data35 !== "string") && (data35 !== null)){
vErrors = _issue(vErrors,instancePath+"/size","#/properties/size/type","type",{type: ["string","null"]});
errors++;
}
if(typeof data35 === "string"){
if(!pattern5.test(data35)){
vErrors = _issue(vErrors,instancePath+"/size","#/properties/size/pattern","pattern",{pattern: "^(?:auto|[1-9][0-9]*x[1-9][0-9]*)$"});
errors++;
}
}
}
if(data.style !== undefined){
let data36 = data.style;
if((typeof data36 !== "string") && (data36 !== null)){
vErrors = _issue(vErrors,instancePath+"/style","#/properties/style/type","type",{type: ["string","null"]});
errors++;
}
if(!(((data36 === "vivid") || (data36 === "natural")) || (data36 === null))){
vErrors = _issue(vErrors,instancePath+"/style","#/properties/style/enum","enum",{allowedValues: ["vivid","natural",null]});
errors++;
}
}
if(data.background !== undefined){
let data37 = data.background;
if((typeof data37 !== "string") && (data37 !== null)){
vErrors = _issue(vErrors,instancePath+"/background","#/properties/background/type","type",{type: ["string","null"]});
errors++;
}
}
if(data.moderation !== undefined){
let data38 = data.moderation;
if((typeof data38 !== "string") && (data38 !== null)){
vErrors = _issue(vErrors,instancePath+"/moderation","#/properties/moderation/type","type",{type: ["string","null"]});
errors++;
}
}
if(data.output_compression !== undefined){
let data39 = data.output_compression;
if((!(((typeof data39 == "number") && (!(data39 % 1) && !isNaN(data39))) && (isFinite(data39)))) && (data39 !== null)){
vErrors = _issue(vErrors,instancePath+"/output_compression","#/properties/output_compression/type","type",{type: ["integer","null"]});
errors++;
}
if((typeof data39 == "number") && (isFinite(data39))){
if(data39 > 100 || isNaN(data39)){
vErrors = _issue(vErrors,instancePath+"/output_compression","#/properties/output_compression/maximum","maximum",{comparison: "<=", limit: 100});
errors++;
}
if(data39 < 0 || isNaN(data39)){
vErrors = _issue(vErrors,instancePath+"/output_compression","#/properties/output_compression/minimum","minimum",{comparison: ">=", limit: 0});
errors++;
}
}
}
if(data.output_format !== undefined){
let data40 = data.output_format;
if((typeof data40 !== "string") && (data40 !== null)){
vErrors = _issue(vErrors,instancePath+"/output_format","#/properties/output_format/type","type",{type: ["string","null"]});
errors++;
}
}
}
else {
vErrors = _issue(vErrors,instancePath,"#/type","type",{type: "object"});
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

